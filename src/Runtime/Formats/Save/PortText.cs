using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>Port numbers and ranges as the tcp/udp/sctp/multiport/conntrack/NAT extensions read them.</summary>
internal static class PortText
{
    /// <summary>One port: a base-0 number 0-65535 (service names are not resolved).</summary>
    public static ushort ParsePort(string text, RuleToken at, InputLine line)
    {
        if (CNumber.TryParse(text, 0, 65535, out var v)) return (ushort)v;
        var hint = text.Length > 0 && !CNumber.IsDigits(text) && !text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase)
            ? " (service names are not resolved: use a number)"
            : string.Empty;
        throw line.Error(at, "invalid port \"" + text + "\"" + hint);
    }

    /// <summary><c>port</c>, <c>first:last</c>, <c>first:</c> (to 65535) or <c>:last</c> (from 0), as <c>parse_tcp_ports</c>.</summary>
    public static PortRange ParseRange(RuleToken token, InputLine line)
    {
        // The usual single port, read from the line without making a string.
        token.Range(out var s, out var start);
        if (CNumber.TryParse(s, start, start + token.Length, 0, 65535, out var port)) return PortRange.Single((ushort)port);
        var text = token.Text;
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return PortRange.Single(ParsePort(text, token, line));
        }
        var firstText = text.Substring(0, colon);
        var lastText = text.Substring(colon + 1);
        var first = firstText.Length == 0 ? (ushort)0 : ParsePort(firstText, token, line);
        var last = lastText.Length == 0 ? (ushort)65535 : ParsePort(lastText, new RuleToken(lastText, token.Start + colon + 1, token.End, token.Quoted), line);
        if (first > last) throw line.Error(token, "invalid port range \"" + text + "\" (first above last)");
        return new PortRange(first, last);
    }

    /// <summary>
    /// A udp match's <c>port</c>, <c>first:last</c>, <c>first:</c> or <c>:last</c> as iptables 1.8.9
    /// reads them (libxtables' port-range option type, which resolves each port with
    /// <c>getaddrinfo</c>): decimal only (<c>010</c> is 10, <c>0x35</c> is refused), blanks and a sign
    /// before the digits allowed, the value cut to an <c>int</c> (refused when negative) and then
    /// to 16 bits (<c>65536</c> is 0), and a reversed range kept (<c>20:10</c>).
    /// Checked against iptables-legacy and iptables-nft 1.8.9.
    /// </summary>
    public static PortRange ParseUdpRange(RuleToken token, InputLine line)
    {
        var text = token.Text;
        var colon = text.IndexOf(':');
        if (colon < 0) return PortRange.Single(UdpPort(text, token, line));
        if (text.IndexOf(':', colon + 1) >= 0) throw line.Error(token, "too many ports in \"" + text + "\" (udp takes port or first:last)");
        var firstText = text.Substring(0, colon);
        var lastText = text.Substring(colon + 1);
        var first = firstText.Length == 0 ? (ushort)0 : UdpPort(firstText, token, line);
        var last = lastText.Length == 0 ? (ushort)65535 : UdpPort(lastText, new RuleToken(lastText, token.Start + colon + 1, token.End, token.Quoted), line);
        return new PortRange(first, last);
    }

    private static ushort UdpPort(string text, RuleToken at, InputLine line)
    {
        // strtoul(text, &end, 10) over the whole text, as getaddrinfo reads a numeric service.
        var i = 0;
        while (i < text.Length && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) i++;
        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        var digits = i;
        ulong value = 0;
        var overflow = false;
        for (; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
        {
            var d = (ulong)(text[i] - '0');
            if (value > (ulong.MaxValue - d) / 10) overflow = true;
            else value = (value * 10) + d;
        }
        if (i == digits || i != text.Length)
        {
            var hint = text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) ? " (the udp match reads ports in decimal only)" : " (service names are not resolved: use a number)";
            throw line.Error(at, "invalid port \"" + text + "\"" + hint);
        }
        if (overflow) value = ulong.MaxValue;
        else if (negative) value = unchecked(0UL - value);
        var port = unchecked((int)value);
        if (port < 0) throw line.Error(at, "invalid port \"" + text + "\" (iptables reads it as a negative number)");
        return (ushort)(port & 0xffff);
    }

    /// <summary>True for 0:65535, which iptables-save does not print.</summary>
    public static bool IsFull(PortRange range) => range.First == 0 && range.Last == 65535;
}
