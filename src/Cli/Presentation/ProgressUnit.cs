namespace NatDsl.Cli.Presentation;

/// <summary>What the amounts of a progress phase count.</summary>
public enum ProgressUnit
{
    /// <summary>Nothing is counted: the phase shows its name and a spinner.</summary>
    None,

    /// <summary>Bytes (of a file being read): shown as <c>42% (12.3 MB)</c>, or <c>12.3 MB</c> without a total.</summary>
    Bytes,

    /// <summary>Items (rule sets written…): shown as <c>3/12</c>.</summary>
    Items,
}
