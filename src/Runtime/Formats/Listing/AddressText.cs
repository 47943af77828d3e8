using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Addresses as a numeric listing prints them (<c>xtables_ipaddr_to_numeric</c> +
/// <c>xtables_ipmask_to_numeric</c>): the bare address for a host mask, <c>/N</c> for a contiguous
/// mask, <c>/a.b.c.d</c> (or an IPv6 mask) otherwise.
/// </summary>
internal static class AddressText
{
    /// <summary><c>10.254.28.6</c>, <c>10.254.0.0/16</c>, <c>10.0.0.0/255.0.255.0</c>, <c>::/0</c>.</summary>
    public static string Format(IpNetwork network) => network.Address + MaskSuffix(network);

    /// <summary>The mask part: empty for a host, <c>/N</c>, or <c>/MASK</c>.</summary>
    public static string MaskSuffix(IpNetwork network)
    {
        var prefix = network.PrefixLength;
        if (prefix == network.Address.BitLength) return string.Empty;
        return "/" + (prefix >= 0 ? prefix.ToString(CultureInfo.InvariantCulture) : network.Mask.ToString());
    }

    /// <summary>Parses what <see cref="Format"/> prints; false for anything else.</summary>
    public static bool TryParse(string text, out IpNetwork network)
    {
        network = default;
        if (!IpNetwork.TryParse(text, out var parsed)) return false;
        if (Format(parsed) != text) return false;
        network = parsed;
        return true;
    }
}
