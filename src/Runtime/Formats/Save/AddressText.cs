using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Numeric addresses as iptables reads them: <c>-s</c>/<c>-d</c> style <c>addr[/mask]</c> with
/// libxtables' IPv4 rules (base-0 parts, missing trailing parts are zero: <c>10</c> is
/// <c>10.0.0.0</c>), a prefix length or dotted/IPv6 mask; and strict single addresses for NAT
/// ranges. Host names are not resolved.
/// </summary>
internal static class AddressText
{
    /// <summary>Parses <c>addr[/mask]</c>; host bits are cleared by <see cref="IpNetwork"/>.</summary>
    public static IpNetwork ParseNetwork(RuleToken token, RuleParseContext context, string what) => Parse(token, context, what);

    /// <summary>
    /// Parses a conntrack <c>addr[/mask]</c> as libxtables' host-and-mask option type does
    /// (iptables 1.8.9, checked on both backends): the address is read by <c>getaddrinfo</c>, so
    /// IPv4 follows <c>inet_aton</c> (<c>10.1</c> is <c>10.0.0.1</c>), and its host bits are kept
    /// (<c>10.1.2.3/8</c> stays so). The mask is first a base-0 prefix length (<c>0x10</c> is 16),
    /// else a numeric address: a contiguous one gives its prefix, any other a full mask
    /// (<c>/255.0.255.0</c> and <c>/33</c>, read as <c>0.0.0.33</c>, both store a host).
    /// </summary>
    public static IpNetwork ParseHostNetwork(RuleToken token, RuleParseContext context, string what)
    {
        var text = token.Text;
        var line = context.Line;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : context.Pool.Intern(text, 0, slash);
        var family = addressText.IndexOf(':') >= 0 ? IpFamily.V6 : IpFamily.V4;
        IpAddress address;
        var ok = family == IpFamily.V4 ? TryParseInetAton(addressText, out address) : IpAddress.TryParse(addressText, out address);
        if (!ok) throw BadAddress(line, token, what, addressText);
        context.Family.Observe(family, line, token, what, addressText);
        var bits = family == IpFamily.V4 ? 32 : 128;
        if (slash < 0) return IpNetwork.WithHostBits(address, bits);
        var maskText = context.Pool.Intern(text, slash + 1, text.Length - slash - 1);
        if (CNumber.TryParse(maskText, 0, (ulong)bits, out var prefix)) return IpNetwork.WithHostBits(address, (int)prefix);
        IpAddress mask;
        var isAddress = family == IpFamily.V4 ? TryParseInetAton(maskText, out mask) : IpAddress.TryParse(maskText, out mask);
        if (!isAddress || mask.Family != family)
        {
            var maskAt = new RuleToken(maskText, token.Start + slash + 1, token.End, token.Quoted);
            throw line.Error(maskAt, "invalid mask \"" + maskText + "\" in " + what + ": neither a valid network mask nor a prefix length 0-" + bits);
        }
        var length = mask.MaskPrefixLength;
        return IpNetwork.WithHostBits(address, length >= 0 ? length : bits);
    }

    private static IpNetwork Parse(RuleToken token, RuleParseContext context, string what)
    {
        if (TryParseV4Network(token, context, out var network)) return network;
        var text = token.Text;
        var line = context.Line;
        if (text.IndexOf(',') >= 0)
        {
            throw line.Error(token, "address lists are not supported in " + what + " (iptables would add one rule per address): \"" + text + "\"");
        }
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : context.Pool.Intern(text, 0, slash);
        var family = addressText.IndexOf(':') >= 0 ? IpFamily.V6 : IpFamily.V4;
        IpAddress address;
        if (family == IpFamily.V4)
        {
            var ok = TryParseXtablesV4(addressText, isMask: false, out address);
            if (!ok) throw BadAddress(line, token, what, addressText);
        }
        else if (!IpAddress.TryParse(addressText, out address))
        {
            throw BadAddress(line, token, what, addressText);
        }
        context.Family.Observe(family, line, token, what, addressText);

        var bits = family == IpFamily.V4 ? 32 : 128;
        if (slash < 0) return new IpNetwork(address, bits);
        var maskText = context.Pool.Intern(text, slash + 1, text.Length - slash - 1);
        var maskAt = new RuleToken(maskText, token.Start + slash + 1, token.End, token.Quoted);
        IpAddress mask;
        if (family == IpFamily.V4 ? maskText.IndexOf('.') >= 0 : maskText.IndexOf(':') >= 0)
        {
            var ok = family == IpFamily.V4 ? TryParseXtablesV4(maskText, isMask: true, out mask) : IpAddress.TryParse(maskText, out mask);
            if (!ok || mask.Family != family) throw line.Error(maskAt, "invalid mask \"" + maskText + "\" in " + what);
            return new IpNetwork(address, mask);
        }
        if (!CNumber.TryParse(maskText, 0, (ulong)bits, out var prefix))
        {
            throw line.Error(maskAt, "invalid mask \"" + maskText + "\" in " + what + " (a prefix length 0-" + bits + " or a mask address)");
        }
        return new IpNetwork(address, (int)prefix);
    }

    /// <summary>
    /// Reads the usual <c>-s</c>/<c>-d</c> value, an IPv4 <c>addr[/prefix]</c>, from the line
    /// without making strings, and records the family. False, with nothing recorded, for
    /// anything else (IPv6, a dotted mask, a bad value, the other family): the general path then
    /// reads it, and reports what is wrong.
    /// </summary>
    private static bool TryParseV4Network(RuleToken token, RuleParseContext context, out IpNetwork network)
    {
        network = default;
        token.Range(out var s, out var start);
        var end = start + token.Length;
        var slash = -1;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c == '/')
            {
                if (slash >= 0) return false;
                slash = i;
            }
            else if (c == ',' || c == ':' || (c == '.' && slash >= 0))
            {
                return false;
            }
        }
        if (!TryParseXtablesV4(s, start, slash < 0 ? end : slash, isMask: false, out var address)) return false;
        ulong prefix = 32;
        if (slash >= 0 && !CNumber.TryParse(s, slash + 1, end, 0, 32, out prefix)) return false;
        if (!context.Family.TryObserve(IpFamily.V4)) return false;
        network = new IpNetwork(address, (int)prefix);
        return true;
    }

    /// <summary>
    /// Reads a strict IPv4 address (as <c>inet_pton</c>: four decimal parts of one to three
    /// digits, at most 255, none with a leading zero) from <c>s[start..end)</c>.
    /// </summary>
    public static bool TryParseDottedQuad(string s, int start, int end, out IpAddress address)
    {
        address = default;
        uint value = 0;
        var parts = 0;
        var i = start;
        while (true)
        {
            var partStart = i;
            var n = 0;
            while (i < end && s[i] != '.')
            {
                var c = s[i];
                if (c < '0' || c > '9' || i - partStart >= 3) return false;
                n = (n * 10) + (c - '0');
                i++;
            }
            if (i == partStart || n > 255 || (s[partStart] == '0' && i - partStart > 1)) return false;
            value = (value << 8) | (uint)n;
            parts++;
            if (i == end) break;
            if (parts == 4) return false;
            i++; // the dot
        }
        if (parts != 4) return false;
        address = IpAddress.FromV4(value);
        return true;
    }

    /// <summary>Parses one address strictly (as <c>inet_pton</c>) and records its family.</summary>
    public static IpAddress ParseAddress(string text, RuleToken at, RuleParseContext context, string what)
    {
        if (!IpAddress.TryParse(text, out var address) || (address.Family == IpFamily.V4 && HasLeadingZero(text)))
        {
            throw BadAddress(context.Line, at, what, text);
        }
        context.Family.Observe(address.Family, context.Line, at, what, text);
        return address;
    }

    /// <summary>Parses an IPv4 address or mask the way libxtables' <c>numeric_to_ipaddr</c> does.</summary>
    public static bool TryParseXtablesV4(string text, bool isMask, out IpAddress address) => TryParseXtablesV4(text, 0, text.Length, isMask, out address);

    /// <summary>As <see cref="TryParseXtablesV4(string, bool, out IpAddress)"/> for <c>text[begin..end)</c>.</summary>
    public static bool TryParseXtablesV4(string text, int begin, int end, bool isMask, out IpAddress address)
    {
        address = default;
        uint value = 0;
        var start = begin;
        for (var part = 0; part < 4; part++)
        {
            var dot = part < 3 ? text.IndexOf('.', start, end - start) : -1;
            if (dot < 0)
            {
                if (part < 3 && isMask) return false;
                if (!CNumber.TryParse(text, start, end, 0, 255, out var last)) return false;
                value |= (uint)last << (8 * (3 - part));
                address = IpAddress.FromV4(value);
                return true;
            }
            if (!CNumber.TryParse(text, start, dot, 0, 255, out var b)) return false;
            value |= (uint)b << (8 * (3 - part));
            start = dot + 1;
        }
        return false;
    }

    /// <summary>IPv4 as <c>inet_aton</c>: 1 to 4 base-0 parts, the last filling the remaining bytes.</summary>
    public static bool TryParseInetAton(string text, out IpAddress address)
    {
        address = default;
        var count = 1;
        foreach (var c in text)
        {
            if (c == '.') count++;
        }
        if (count > 4) return false;
        uint value = 0;
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var dot = i < count - 1 ? text.IndexOf('.', start) : text.Length;
            var last = i == count - 1;
            var max = last ? (count == 1 ? uint.MaxValue : uint.MaxValue >> (8 * i)) : 255u;
            if (!CNumber.TryParse(text, start, dot, 0, max, out var v)) return false;
            value |= last ? (uint)v : (uint)v << (8 * (3 - i));
            start = dot + 1;
        }
        address = IpAddress.FromV4(value);
        return true;
    }

    /// <summary>inet_pton rejects IPv4 parts written with a leading zero (<c>010.1.2.3</c>).</summary>
    private static bool HasLeadingZero(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '0' && (i == 0 || text[i - 1] == '.') && text[i + 1] != '.') return true;
        }
        return false;
    }

    private static DumpParseException BadAddress(InputLine line, RuleToken at, string what, string text)
    {
        var hint = LooksLikeName(text) ? " (host names are not resolved: use a numeric address)" : string.Empty;
        return line.Error(at, "invalid address \"" + text + "\" in " + what + hint);
    }

    private static bool LooksLikeName(string text)
    {
        foreach (var c in text)
        {
            if ((c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z')) return true;
        }
        return false;
    }
}
