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

    /// <summary>True for 0:65535, which iptables-save does not print.</summary>
    public static bool IsFull(PortRange range) => range.First == 0 && range.Last == 65535;
}
