using System;

namespace NatDsl.Model;

/// <summary>Connection tracking states (ctstate / state), in the order iptables prints them.</summary>
[Flags]
public enum ConntrackStates
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>INVALID.</summary>
    Invalid = 1 << 0,

    /// <summary>NEW.</summary>
    New = 1 << 1,

    /// <summary>RELATED.</summary>
    Related = 1 << 2,

    /// <summary>ESTABLISHED.</summary>
    Established = 1 << 3,

    /// <summary>UNTRACKED.</summary>
    Untracked = 1 << 4,

    /// <summary>SNAT (conntrack only).</summary>
    Snat = 1 << 5,

    /// <summary>DNAT (conntrack only).</summary>
    Dnat = 1 << 6,
}
