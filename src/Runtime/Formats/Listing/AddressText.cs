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

    /// <summary>
    /// Parses a conntrack address as the listing prints it: the address with its host bits
    /// (<c>10.1.2.3/8</c>) and a bare address for a host; false for anything else.
    /// </summary>
    public static bool TryParseWithHostBits(string text, out IpNetwork network)
    {
        network = default;
        var slash = text.IndexOf('/');
        if (!IpAddress.TryParse(slash < 0 ? text : text.Substring(0, slash), out var address)) return false;
        var prefix = address.BitLength;
        if (slash >= 0 && !int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix)) return false;
        if (prefix > address.BitLength) return false;
        var parsed = IpNetwork.WithHostBits(address, prefix);
        if (Format(parsed) != text) return false;
        network = parsed;
        return true;
    }

    /// <summary>
    /// <see cref="TryParse(string, out IpNetwork)"/> of <c>text[start..end)</c> without allocating for what listings
    /// print most (a canonical IPv4 address, optionally with a <c>/N</c> prefix below 32 and no
    /// host bits); anything else goes through <see cref="TryParse(string, out IpNetwork)"/> on a substring.
    /// </summary>
    public static bool TryParse(string text, int start, int end, out IpNetwork network)
    {
        if (TryParseCanonicalV4(text, start, end, out network)) return true;
        return TryParse(text.Substring(start, end - start), out network);
    }

    /// <summary>
    /// True only for text that <see cref="TryParse(string, out IpNetwork)"/> accepts as IPv4, with the same result:
    /// a dotted quad as <c>%u</c> prints it, and a prefix <c>/N</c> (0 to 31, no leading zero)
    /// that clears no bit of the address. False says nothing: the caller tries the full parser.
    /// </summary>
    private static bool TryParseCanonicalV4(string text, int start, int end, out IpNetwork network)
    {
        network = default;
        var pos = start;
        if (!TryReadCanonicalV4(text, ref pos, end, out var value)) return false;
        if (pos == end)
        {
            network = IpNetwork.Host(IpAddress.FromV4(value));
            return true;
        }
        if (text[pos] != '/') return false;
        pos++;
        if (!TryReadCanonicalNumber(text, ref pos, end, 2, out var prefix) || pos != end || prefix >= 32) return false;
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - (int)prefix);
        if ((value & ~mask) != 0) return false;
        network = new IpNetwork(IpAddress.FromV4(value), (int)prefix);
        return true;
    }

    /// <summary>
    /// Reads a dotted quad whose parts are printed as <c>%u</c> (no leading zeros, at most 255)
    /// from <paramref name="pos"/>, which ends after it; false (and <paramref name="pos"/> unchanged)
    /// when none starts there.
    /// </summary>
    internal static bool TryReadCanonicalV4(string text, ref int pos, int end, out uint value)
    {
        value = 0;
        var at = pos;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (at >= end || text[at] != '.') return false;
                at++;
            }
            if (!TryReadCanonicalNumber(text, ref at, end, 3, out var n) || n > 255) return false;
            value = (value << 8) | n;
        }
        pos = at;
        return true;
    }

    /// <summary>
    /// Reads a decimal number printed as <c>%u</c> (no leading zero) of at most
    /// <paramref name="maxDigits"/> digits from <paramref name="pos"/>, which ends after it.
    /// </summary>
    internal static bool TryReadCanonicalNumber(string text, ref int pos, int end, int maxDigits, out uint value)
    {
        value = 0;
        var i = pos;
        while (i < end && text[i] >= '0' && text[i] <= '9')
        {
            if (i - pos == maxDigits) return false;
            value = (value * 10) + (uint)(text[i] - '0');
            i++;
        }
        if (i == pos || (text[pos] == '0' && i - pos > 1)) return false;
        pos = i;
        return true;
    }
}
