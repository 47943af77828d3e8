namespace NatDsl.Formats.Save;

/// <summary>The iptables options that are not extension options.</summary>
internal enum GenericOption
{
    None,
    Source,
    Destination,
    InInterface,
    OutInterface,
    Protocol,
    Fragment,
    Match,
    Jump,
    Goto,
    SetCounters,
    Table,
    Command,

    /// <summary><c>-v</c>, <c>--verbose</c>: allowed in a rule line, no effect on the rule.</summary>
    Verbose,

    /// <summary><c>-M</c>, <c>--modprobe</c> PROGRAM: allowed in a rule line, no effect on the rule.</summary>
    Modprobe,

    /// <summary>An option of iptables' command line that a rule line cannot use (-n, -x, -w, -V…).</summary>
    NotInRule,

    /// <summary><c>-4</c>, <c>--ipv4</c>: the rule is for IPv4 (a family the dump must have).</summary>
    Ipv4,

    /// <summary><c>-6</c>, <c>--ipv6</c>: the rule is for IPv6.</summary>
    Ipv6,
}
