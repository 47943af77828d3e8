using System;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Reads the text of the targets the model types (DNAT, SNAT, MASQUERADE, REDIRECT, REJECT, MARK,
/// LOG). A reading counts only when <see cref="TargetTextWriter"/> writes exactly the same text.
/// </summary>
internal static class TargetTextReader
{
    /// <summary>True when the model has a typed target of this name.</summary>
    public static bool IsTyped(string name) => Keywords(name).Length > 0;

    /// <summary>
    /// The words a typed target's text can start with (used to place a target text that the
    /// typed reader could not read); empty for names the model does not type.
    /// </summary>
    public static string[] Keywords(string name) => name switch
    {
        "DNAT" or "SNAT" => NatKeywords,
        "MASQUERADE" => MasqueradeKeywords,
        "REDIRECT" => RedirectKeywords,
        "REJECT" => RejectKeywords,
        "MARK" => MarkKeywords,
        "LOG" => LogKeywords,
        _ => Array.Empty<string>(),
    };

    // Read at the end of every DNAT rule's text (a reading usually not kept): one value each (values are immutable).
    private static readonly Target EmptyDnat = new DnatTarget(null, false, false);
    private static readonly Target EmptySnat = new SnatTarget(null, false, false, false);
    private static readonly Target EmptyMasquerade = new MasqueradeTarget(null, false, false);
    private static readonly Target EmptyRedirect = new RedirectTarget(null, false);

    private static readonly string[] NatKeywords = { "to:", "random", "random-fully", "persistent" };
    private static readonly string[] MasqueradeKeywords = { "masq ports:", "random", "random-fully" };
    private static readonly string[] RedirectKeywords = { "redir ports", "random" };
    private static readonly string[] RejectKeywords = { "reject-with" };
    private static readonly string[] MarkKeywords = { "MARK" };
    private static readonly string[] LogKeywords = { "LOG" };

    /// <summary>
    /// <see cref="Read(string, string, IpFamily)"/> of <c>text[start..end)</c>; reads what kube-proxy
    /// writes most, <c>DNAT to:ADDRESS:PORT</c> in IPv4, in place.
    /// </summary>
    public static Target? Read(string name, string text, int start, int end, IpFamily family)
    {
        if (start == end)
        {
            // What the word readers below give for no words.
            switch (name)
            {
                case "DNAT": return EmptyDnat;
                case "SNAT": return EmptySnat;
                case "MASQUERADE": return EmptyMasquerade;
                case "REDIRECT": return EmptyRedirect;
            }
        }
        if (family == IpFamily.V4 && name == "DNAT" && ReadDnatToAddressPort(text, start, end) is { } dnat) return dnat;
        return Read(name, text.Substring(start, end - start), family);
    }

    /// <summary>
    /// <c>to:A.B.C.D:PORT</c> as <see cref="TargetTextWriter"/> prints it (canonical address and
    /// port), read to the same target as <see cref="Dnat"/>; null for any other text.
    /// </summary>
    private static Target? ReadDnatToAddressPort(string text, int start, int end)
    {
        if (end - start < 3 || string.CompareOrdinal(text, start, "to:", 0, 3) != 0) return null;
        var pos = start + 3;
        if (!AddressText.TryReadCanonicalV4(text, ref pos, end, out var address) || pos >= end || text[pos] != ':') return null;
        pos++;
        if (!AddressText.TryReadCanonicalNumber(text, ref pos, end, 5, out var port) || pos != end || port > ushort.MaxValue) return null;
        var ip = IpAddress.FromV4(address);
        var range = new NatRange { MinAddress = ip, MaxAddress = ip, Ports = new PortRange((ushort)port, (ushort)port) };
        return new DnatTarget(range, false, false);
    }

    /// <summary>Reads the whole of <paramref name="text"/> as the text of target <paramref name="name"/>.</summary>
    public static Target? Read(string name, string text, IpFamily family)
    {
        Target? target;
        try
        {
            target = name switch
            {
                "DNAT" => Dnat(text, family),
                "SNAT" => Snat(text, family),
                "MASQUERADE" => Masquerade(text),
                "REDIRECT" => Redirect(text),
                "REJECT" => text.StartsWith("reject-with ", StringComparison.Ordinal) ? new RejectTarget(text.Substring(12)) : null,
                "MARK" => Mark(text),
                "LOG" => Log(text),
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            target = null;
        }
        return target is not null && TargetTextWriter.Write(target, family) == text ? target : null;
    }

    private static Target? Dnat(string text, IpFamily family)
    {
        var words = new Words(text);
        NatRange? range = null;
        if (words.Peek()?.StartsWith("to:", StringComparison.Ordinal) == true && !Range(words.Take()!.Substring(3), family, out range)) return null;
        var random = words.Flag("random");
        var persistent = words.Flag("persistent");
        return words.Done ? new DnatTarget(range, random, persistent) : null;
    }

    private static Target? Snat(string text, IpFamily family)
    {
        var words = new Words(text);
        NatRange? range = null;
        if (words.Peek()?.StartsWith("to:", StringComparison.Ordinal) == true && !Range(words.Take()!.Substring(3), family, out range)) return null;
        var random = words.Flag("random");
        var fully = words.Flag("random-fully");
        var persistent = words.Flag("persistent");
        return words.Done ? new SnatTarget(range, random, fully, persistent) : null;
    }

    private static Target? Masquerade(string text)
    {
        var words = new Words(text);
        PortRange? ports = null;
        if (words.Flag("masq"))
        {
            if (!words.Flag("ports:") || !DashPorts(words.Take(), out var p)) return null;
            ports = p;
        }
        var random = words.Flag("random");
        var fully = words.Flag("random-fully");
        return words.Done ? new MasqueradeTarget(ports, random, fully) : null;
    }

    private static Target? Redirect(string text)
    {
        var words = new Words(text);
        PortRange? ports = null;
        if (words.Flag("redir"))
        {
            if (!words.Flag("ports") || !DashPorts(words.Take(), out var p)) return null;
            ports = p;
        }
        var random = words.Flag("random");
        return words.Done ? new RedirectTarget(ports, random) : null;
    }

    private static Target? Mark(string text)
    {
        var c = new TextCursor(text, 0, text.Length);
        if (!c.Literal("MARK ")) return null;
        MarkTarget? target = null;
        if (c.Literal("and ") && c.Hex(out var and)) target = MarkTarget.And(and);
        else if (c.Literal("or ") && c.Hex(out var or)) target = MarkTarget.Or(or);
        else if (c.Literal("xor ") && c.Hex(out var xor)) target = MarkTarget.Xor(xor);
        else if (c.Literal("set ") && c.Hex(out var set)) target = MarkTarget.Set(set);
        else if (c.Literal("xset ") && c.Hex(out var value) && c.Literal("/") && c.Hex(out var mask)) target = new MarkTarget(value, mask);
        return c.AtEnd ? target : null;
    }

    private static Target? Log(string text)
    {
        var c = new TextCursor(text, 0, text.Length);
        if (!c.Literal("LOG flags ") || !c.Number(out var flags, byte.MaxValue) || !c.Literal(" level ") || !c.Number(out var level, byte.MaxValue)) return null;
        var prefix = string.Empty;
        if (c.Literal(" prefix \""))
        {
            if (!text.EndsWith("\"", StringComparison.Ordinal) || text.Length - 1 < c.Position) return null;
            prefix = text.Substring(c.Position, text.Length - 1 - c.Position);
            c.Position = text.Length;
        }
        return c.AtEnd ? new LogTarget { Flags = (byte)flags, Level = (byte)level, Prefix = prefix } : null;
    }

    /// <summary>The range after <c>to:</c>: <c>[ip[-ip]][:port[-port][/base]]</c>, IPv6 with ports in brackets.</summary>
    private static bool Range(string text, IpFamily family, out NatRange? range)
    {
        range = null;
        string addresses;
        string? ports = null;
        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            if (close < 0) return false;
            addresses = text.Substring(1, close - 1);
            var rest = text.Substring(close + 1);
            if (rest.Length > 0)
            {
                if (rest[0] != ':') return false;
                ports = rest.Substring(1);
            }
        }
        else if (family == IpFamily.V4 || (text.StartsWith(":", StringComparison.Ordinal) && !text.StartsWith("::", StringComparison.Ordinal)))
        {
            var colon = text.IndexOf(':');
            addresses = colon < 0 ? text : text.Substring(0, colon);
            if (colon >= 0) ports = text.Substring(colon + 1);
        }
        else
        {
            addresses = text;
        }

        var result = new NatRange();
        if (addresses.Length > 0)
        {
            var dash = addresses.IndexOf('-');
            if (!IpAddress.TryParse(dash < 0 ? addresses : addresses.Substring(0, dash), out var min) || min.Family != family) return false;
            var max = min;
            if (dash >= 0 && (!IpAddress.TryParse(addresses.Substring(dash + 1), out max) || max.Family != family)) return false;
            result = result with { MinAddress = min, MaxAddress = max };
        }
        if (ports is not null)
        {
            var slash = ports.IndexOf('/');
            if (!DashPorts(slash < 0 ? ports : ports.Substring(0, slash), out var portRange)) return false;
            result = result with { Ports = portRange };
            if (slash >= 0)
            {
                if (!ushort.TryParse(ports.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var basePort)) return false;
                result = result with { BasePort = basePort };
            }
        }
        range = result;
        return true;
    }

    private static bool DashPorts(string? text, out PortRange range)
    {
        range = default;
        return text is not null && MatchTextReader.PortText(text, '-', out range);
    }

    /// <summary>Space-separated words read in order.</summary>
    private sealed class Words
    {
        private readonly string[] _words;
        private int _next;

        public Words(string text)
        {
            _words = text.Length == 0 ? Array.Empty<string>() : text.Split(' ');
        }

        public bool Done => _next == _words.Length;

        public string? Peek() => _next < _words.Length ? _words[_next] : null;

        public string? Take() => _next < _words.Length ? _words[_next++] : null;

        public bool Flag(string word)
        {
            if (Peek() != word) return false;
            _next++;
            return true;
        }
    }
}
