namespace NatDsl.Tests.Integration;

/// <summary>The ways a test reads a table back from real iptables.</summary>
public enum Readback
{
    /// <summary><c>iptables-save -c -t T</c>.</summary>
    SaveWithCounters,

    /// <summary><c>iptables-save -t T</c>.</summary>
    Save,

    /// <summary><c>iptables -t T -L -v -n</c>.</summary>
    ListVerbose,

    /// <summary><c>iptables -t T -L -v -n -x</c>.</summary>
    ListVerboseExact,

    /// <summary><c>iptables -t T -L -n</c>.</summary>
    ListNumeric,

    /// <summary><c>iptables -t T -L -v -n --line-numbers</c>.</summary>
    ListVerboseLineNumbers,

    /// <summary><c>iptables -t T -S</c>.</summary>
    Rules,
}
