using System;

namespace NatDsl.Model;

/// <summary>Address types of the addrtype match, in the kernel's enum order.</summary>
[Flags]
public enum AddressTypes
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>UNSPEC.</summary>
    Unspec = 1 << 0,

    /// <summary>UNICAST.</summary>
    Unicast = 1 << 1,

    /// <summary>LOCAL.</summary>
    Local = 1 << 2,

    /// <summary>BROADCAST.</summary>
    Broadcast = 1 << 3,

    /// <summary>ANYCAST.</summary>
    Anycast = 1 << 4,

    /// <summary>MULTICAST.</summary>
    Multicast = 1 << 5,

    /// <summary>BLACKHOLE.</summary>
    Blackhole = 1 << 6,

    /// <summary>UNREACHABLE.</summary>
    Unreachable = 1 << 7,

    /// <summary>PROHIBIT.</summary>
    Prohibit = 1 << 8,

    /// <summary>THROW.</summary>
    Throw = 1 << 9,

    /// <summary>NAT.</summary>
    Nat = 1 << 10,

    /// <summary>XRESOLVE.</summary>
    XResolve = 1 << 11,
}
