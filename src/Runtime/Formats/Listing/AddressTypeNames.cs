using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>Names of the addrtype match's address types, in the kernel's enum order.</summary>
internal static class AddressTypeNames
{
    private static readonly (string Name, AddressTypes Type)[] Names =
    {
        ("UNSPEC", AddressTypes.Unspec), ("UNICAST", AddressTypes.Unicast), ("LOCAL", AddressTypes.Local),
        ("BROADCAST", AddressTypes.Broadcast), ("ANYCAST", AddressTypes.Anycast), ("MULTICAST", AddressTypes.Multicast),
        ("BLACKHOLE", AddressTypes.Blackhole), ("UNREACHABLE", AddressTypes.Unreachable), ("PROHIBIT", AddressTypes.Prohibit),
        ("THROW", AddressTypes.Throw), ("NAT", AddressTypes.Nat), ("XRESOLVE", AddressTypes.XResolve),
    };

    /// <summary><c>UNICAST,LOCAL</c>.</summary>
    public static string Join(AddressTypes types)
    {
        var names = new List<string>();
        foreach (var (name, type) in Names)
        {
            if ((types & type) != 0) names.Add(name);
        }
        return string.Join(",", names);
    }

    /// <summary>Parses a comma-separated list of names.</summary>
    public static bool TryParse(string text, out AddressTypes types)
    {
        types = AddressTypes.None;
        if (text.Length == 0) return false;
        foreach (var part in text.Split(','))
        {
            var found = false;
            foreach (var (name, type) in Names)
            {
                if (string.Equals(name, part, StringComparison.Ordinal))
                {
                    types |= type;
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }
}
