namespace NatDsl.Formats;

/// <summary>The kind of text an iptables dump is.</summary>
public enum DumpFormat
{
    /// <summary><c>iptables-save</c> output or <c>iptables-restore</c> input (<c>*table</c> … <c>COMMIT</c>).</summary>
    Save,

    /// <summary><c>iptables -S</c> (or <c>-v -S</c>) output of one table: <c>-P</c>, <c>-N</c>, <c>-A</c> lines.</summary>
    Rules,

    /// <summary><c>iptables -L -n</c> output of one table, with or without <c>-v</c>, <c>-x</c>, <c>--line-numbers</c>, either dialect.</summary>
    Listing,
}
