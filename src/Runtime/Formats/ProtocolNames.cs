using System;
using System.Collections.Generic;
using System.Globalization;

namespace NatDsl.Formats;

/// <summary>
/// Protocol numbers and the names iptables prints for them: the built-in list
/// (<c>xtables_chain_protos</c>, used by listings with <c>-n</c> in the "names" dialect) and the
/// Debian netbase <c>/etc/protocols</c> names that iptables-save 1.8.9 prints through
/// <c>getprotobynumber</c>.
/// </summary>
public static class ProtocolNames
{
    private static readonly (string Name, int Number)[] BuiltIn =
    {
        ("tcp", 6), ("sctp", 132), ("udp", 17), ("udplite", 136), ("icmp", 1), ("icmpv6", 58),
        ("ipv6-icmp", 58), ("esp", 50), ("ah", 51), ("ipv6-mh", 135), ("mh", 135), ("all", 0),
    };

    private static readonly (string Name, int Number)[] EtcProtocols =
    {
        ("ip", 0), ("icmp", 1), ("igmp", 2), ("ggp", 3), ("ipencap", 4), ("st", 5), ("tcp", 6), ("egp", 8),
        ("igp", 9), ("pup", 12), ("udp", 17), ("hmp", 20), ("xns-idp", 22), ("rdp", 27), ("iso-tp4", 29),
        ("dccp", 33), ("xtp", 36), ("ddp", 37), ("idpr-cmtp", 38), ("ipv6", 41), ("ipv6-route", 43),
        ("ipv6-frag", 44), ("idrp", 45), ("rsvp", 46), ("gre", 47), ("esp", 50), ("ah", 51), ("skip", 57),
        ("ipv6-icmp", 58), ("ipv6-nonxt", 59), ("ipv6-opts", 60), ("rspf", 73), ("vmtp", 81), ("eigrp", 88),
        ("ospf", 89), ("ax.25", 93), ("ipip", 94), ("etherip", 97), ("encap", 98), ("pim", 103),
        ("ipcomp", 108), ("vrrp", 112), ("l2tp", 115), ("isis", 124), ("sctp", 132), ("fc", 133),
        ("mobility-header", 135), ("udplite", 136), ("mpls-in-ip", 137), ("manet", 138), ("hip", 139),
        ("shim6", 140), ("wesp", 141), ("rohc", 142), ("ethernet", 143),
    };

    /// <summary>
    /// The name a listing in the "names" dialect prints with <c>-n</c>: the first built-in name
    /// of the number, else the number.
    /// </summary>
    public static string ListingName(int number)
    {
        foreach (var (name, n) in BuiltIn)
        {
            if (n == number) return name;
        }
        return number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The built-in list as 1.8.8+ orders it (<c>ipv6-icmp</c> before <c>icmpv6</c>,
    /// <c>mobility-header</c> first for 135), which iptables-save 1.8.9 consults.
    /// </summary>
    private static readonly (string Name, int Number)[] BuiltIn188 =
    {
        ("tcp", 6), ("sctp", 132), ("udp", 17), ("udplite", 136), ("icmp", 1), ("ipv6-icmp", 58),
        ("icmpv6", 58), ("esp", 50), ("ah", 51), ("mobility-header", 135), ("ipv6-mh", 135), ("mh", 135), ("all", 0),
    };

    /// <summary>
    /// The name iptables-save 1.8.9 prints after <c>-p</c>: the built-in list (1.8.8+ order, so
    /// 58 is <c>ipv6-icmp</c> as observed in vector v5) first, then <c>/etc/protocols</c>, else the number.
    /// </summary>
    public static string SaveName(int number)
    {
        foreach (var (name, n) in BuiltIn188)
        {
            if (n == number && n != 0) return name;
        }
        foreach (var (name, n) in EtcProtocols)
        {
            if (n == number) return name;
        }
        return number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Resolves a protocol token (<c>tcp</c>, <c>6</c>, <c>gre</c>, <c>all</c>) to its number.</summary>
    public static bool TryParse(string token, out int number)
    {
        number = 0;
        if (string.IsNullOrEmpty(token)) return false;
        if (token[0] >= '0' && token[0] <= '9')
        {
            return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number <= 255;
        }
        var lower = token.ToLowerInvariant();
        foreach (var (name, n) in BuiltIn)
        {
            if (string.Equals(name, lower, StringComparison.Ordinal)) { number = n; return true; }
        }
        foreach (var (name, n) in EtcProtocols)
        {
            if (string.Equals(name, lower, StringComparison.Ordinal)) { number = n; return true; }
        }
        return false;
    }

    /// <summary>All names known for numbers, for tools that list them.</summary>
    public static IReadOnlyList<string> KnownNames
    {
        get
        {
            var names = new List<string>();
            foreach (var (name, _) in BuiltIn) names.Add(name);
            foreach (var (name, _) in EtcProtocols) if (!names.Contains(name)) names.Add(name);
            return names;
        }
    }
}
