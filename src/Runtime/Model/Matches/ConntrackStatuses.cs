using System;

namespace NatDsl.Model;

/// <summary>Connection status bits of <c>--ctstatus</c>, in the order iptables prints them.</summary>
[Flags]
public enum ConntrackStatuses
{
    /// <summary>NONE.</summary>
    None = 0,

    /// <summary>EXPECTED.</summary>
    Expected = 1 << 0,

    /// <summary>SEEN_REPLY.</summary>
    SeenReply = 1 << 1,

    /// <summary>ASSURED.</summary>
    Assured = 1 << 2,

    /// <summary>CONFIRMED.</summary>
    Confirmed = 1 << 3,
}
