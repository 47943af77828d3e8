using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Reads the listing text of known matches. Every reader is checked by writing its result back
/// with <see cref="MatchTextWriter"/>: a reading is offered only when it reproduces the text
/// exactly, so attributing text to a typed match never changes how the listing renders.
/// </summary>
internal static class MatchTextReader
{
    private delegate Match? Reader(TextCursor cursor, ExtensionContext context);

    private static readonly Reader[] Readers =
    {
        Tcp, Udp, Sctp, Multiport, Mark, Statistic, AddrType, Recent, ConntrackTextReader.Conntrack, ConntrackTextReader.State, Physdev, Set, Nfacct, Icmp,
    };

    /// <summary>
    /// For each reader, texts one of which its reading must start with (the literal it tests
    /// first): readers are tried only where they could succeed, since every word of every rule
    /// is a place where an extension might start.
    /// </summary>
    private static readonly string[][] Starts =
    {
        new[] { "tcp" }, new[] { "udp" }, new[] { "sctp" }, new[] { "multiport " }, new[] { "mark match" }, new[] { "statistic mode " },
        new[] { "ADDRTYPE match" }, new[] { "recent:", "! recent:" }, new[] { "ct", "! ct" }, new[] { "state ", "! state " },
        new[] { "PHYSDEV match" }, new[] { "match-set ", "! match-set " }, new[] { "nfacct-name  " }, new[] { "icmp", "ipv6-icmp" },
    };

    /// <summary>
    /// Adds every reading of a known match whose text starts at <paramref name="start"/> and ends at
    /// <paramref name="end"/> (the end of the extension text) or before a space.
    /// </summary>
    public static void Candidates(string text, int start, int end, ExtensionContext context, List<(int End, Match Match)> into)
    {
        Comments(text, start, end, into);
        // One cursor per thread for every reader tried (readers run on every word of every rule);
        // it lets go of the text afterwards.
        var cursor = _cursor ??= new TextCursor(string.Empty, 0, 0);
        try
        {
            for (var r = 0; r < Readers.Length; r++)
            {
                if (!StartsWithOne(text, start, end, Starts[r])) continue;
                var reader = Readers[r];
                cursor.Reset(text, start, end);
                Match? match;
                try
                {
                    match = reader(cursor, context);
                }
                catch (ArgumentException)
                {
                    match = null;
                }
                if (match is null || !cursor.AtItemEnd) continue;
                var written = MatchTextWriter.Write(match);
                var length = cursor.Position - start;
                if (written.Length != length || string.CompareOrdinal(written, 0, text, start, length) != 0) continue;
                into.Add((cursor.Position, match));
            }
        }
        finally
        {
            cursor.Reset(string.Empty, 0, 0);
        }
    }

    [ThreadStatic]
    private static TextCursor? _cursor;

    private static bool StartsWithOne(string text, int start, int end, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (start + prefix.Length <= end && string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0) return true;
        }
        return false;
    }

    /// <summary>
    /// <c>/* TEXT */</c>: one reading per <c> */</c> that ends an item (the text may contain <c>*/</c>).
    /// A comment holds at most 255 bytes, hence at most 255 characters.
    /// </summary>
    private static void Comments(string text, int start, int end, List<(int End, Match Match)> into)
    {
        const int maxComment = 255;
        if (start + 3 > end || string.CompareOrdinal(text, start, "/* ", 0, 3) != 0) return;
        var searchEnd = Math.Min(end, start + 3 + maxComment + 3);
        for (var close = text.IndexOf(" */", start + 3, searchEnd - start - 3, StringComparison.Ordinal); close >= 0; close = NextClose(text, close, searchEnd))
        {
            var commentEnd = close + 3;
            if (commentEnd == end || text[commentEnd] == ' ') into.Add((commentEnd, new CommentMatch(text.Substring(start + 3, close - start - 3))));
        }
    }

    private static int NextClose(string text, int close, int searchEnd) =>
        close + 1 >= searchEnd ? -1 : text.IndexOf(" */", close + 1, searchEnd - close - 1, StringComparison.Ordinal);

    /// <summary><c>tcp</c> and <c>udp</c> without options, on most rules of a kube-proxy listing: one value each (values are immutable).</summary>
    private static readonly TcpMatch BareTcp = new TcpMatch();

    private static readonly UdpMatch BareUdp = new UdpMatch();

    private static readonly ValueList<Match> BareTcpList = new Match[] { BareTcp }.ToValueList();

    private static readonly ValueList<Match> BareUdpList = new Match[] { BareUdp }.ToValueList();

    /// <summary>A shared list holding just <paramref name="match"/> when it is a shared value (a DNAT rule's bare <c>tcp</c>), else null.</summary>
    public static ValueList<Match>? SharedSingle(Match match) =>
        ReferenceEquals(match, BareTcp) ? BareTcpList : ReferenceEquals(match, BareUdp) ? BareUdpList : null;

    private static Match? Tcp(TextCursor c, ExtensionContext context)
    {
        if (!context.ProtocolIs(6) || !c.Literal("tcp")) return null;
        var m = BareTcp;
        if (Optional(c, " spt", OptionalPorts) is { } sport) m = m with { SourcePort = sport };
        if (Optional(c, " dpt", OptionalPorts) is { } dport) m = m with { DestinationPort = dport };
        if (Optional(c, string.Empty, (cursor, _) => TcpOption(cursor)) is { } option) m = m with { Option = option };
        if (Optional(c, string.Empty, (cursor, _) => TcpFlagsText(cursor)) is { } flags) m = m with { Flags = flags };
        return m;
    }

    private static Match? Udp(TextCursor c, ExtensionContext context)
    {
        if (!context.ProtocolIs(17) || !c.Literal("udp")) return null;
        var m = BareUdp;
        if (Optional(c, " spt", OptionalPorts) is { } sport) m = m with { SourcePort = sport };
        if (Optional(c, " dpt", OptionalPorts) is { } dport) m = m with { DestinationPort = dport };
        return m;
    }

    private static Match? Sctp(TextCursor c, ExtensionContext context)
    {
        if (!context.ProtocolIs(132) || !c.Literal("sctp")) return null;
        var m = new SctpMatch();
        if (Optional(c, " spt", OptionalPorts) is { } sport) m = m with { SourcePort = sport };
        if (Optional(c, " dpt", OptionalPorts) is { } dport) m = m with { DestinationPort = dport };
        return m;
    }

    private static Negatable<PortRange>? OptionalPorts(TextCursor c, string spaceName) => Ports(c, spaceName, out var p) ? p : null;

    /// <summary><c> spt:80</c>, <c> spt:!80</c>, <c> spts:1:1023</c>, <c> spts:!1:1023</c> (<paramref name="spaceName"/> is <c>" spt"</c>).</summary>
    private static bool Ports(TextCursor c, string spaceName, out Negatable<PortRange>? ports)
    {
        ports = null;
        if (!c.Literal(spaceName)) return false;
        var range = c.Literal("s:");
        if (!range && !c.Literal(":")) return false;
        var inverted = c.Literal("!");
        if (!c.Number(out var first, ushort.MaxValue)) return false;
        var last = first;
        if (range && (!c.Literal(":") || !c.Number(out last, ushort.MaxValue))) return false;
        if (last < first) return false;
        ports = new Negatable<PortRange>(PortRange.Of((int)first, (int)last), inverted);
        return true;
    }

    private static Negatable<byte>? TcpOption(TextCursor c)
    {
        if (!c.Literal(" option=")) return null;
        var inverted = c.Literal("!");
        return c.Number(out var option, byte.MaxValue) ? new Negatable<byte>((byte)option, inverted) : null;
    }

    private static TcpFlagsMatch? TcpFlagsText(TextCursor c)
    {
        if (!c.Literal(" flags:")) return null;
        var inverted = c.Literal("!");
        if (!c.Hex(out var mask) || mask > 0xFF || !c.Literal("/") || !c.Hex(out var compare) || compare > 0xFF) return null;
        return new TcpFlagsMatch((TcpFlags)mask, (TcpFlags)compare, inverted);
    }

    private static readonly int[] MultiportProtocols = { 6, 17, 33, 132, 136 };

    private static Match? Multiport(TextCursor c, ExtensionContext context)
    {
        if (!context.ProtocolIs(MultiportProtocols) || !c.Literal("multiport ")) return null;
        MultiportDirection direction;
        if (c.Literal("sports ")) direction = MultiportDirection.Source;
        else if (c.Literal("dports ")) direction = MultiportDirection.Destination;
        else if (c.Literal("ports ")) direction = MultiportDirection.Either;
        else return null;
        var inverted = c.Literal(" !");
        if (!c.Word(out var list)) return null;
        var ports = new List<PortRange>();
        foreach (var part in list.Split(','))
        {
            if (!PortText(part, ':', out var range)) return null;
            ports.Add(range);
        }
        return new MultiportMatch(direction, ports.ToValueList(), inverted);
    }

    private static Match? Mark(TextCursor c, ExtensionContext context)
    {
        if (!c.Literal("mark match")) return null;
        var inverted = c.Literal(" !");
        if (!c.Literal(" ") || !c.Hex(out var value)) return null;
        var mask = uint.MaxValue;
        if (c.Literal("/") && !c.Hex(out mask)) return null;
        return new MarkMatch(value, mask, inverted);
    }

    private static Match? Statistic(TextCursor c, ExtensionContext context)
    {
        if (!c.Literal("statistic mode ")) return null;
        if (c.Literal("random"))
        {
            var inverted = c.Literal(" !");
            if (!c.Literal(" probability ") || !c.Word(out var text) || !ProbabilityText.TryParse(text, out var bits)) return null;
            return new StatisticMatch { Mode = StatisticMode.Random, ProbabilityBits = bits, Inverted = inverted };
        }
        if (c.Literal("nth"))
        {
            var inverted = c.Literal(" !");
            if (!c.Literal(" every ") || !c.Number(out var every, uint.MaxValue)) return null;
            ulong packet = 0;
            var before = c.Position;
            if (c.Literal(" packet ") && !c.Number(out packet, uint.MaxValue))
            {
                c.Position = before;
                packet = 0;
            }
            return new StatisticMatch { Mode = StatisticMode.Nth, Every = (uint)every, Packet = (uint)packet, Inverted = inverted };
        }
        return null;
    }

    private static Match? AddrType(TextCursor c, ExtensionContext context)
    {
        if (!c.Literal("ADDRTYPE match")) return null;
        var m = new AddrTypeMatch();
        if (Optional(c, " src-type ", Types) is { } src) m = m with { SourceType = src };
        if (Optional(c, " dst-type ", Types) is { } dst) m = m with { DestinationType = dst };
        if (c.Literal(" limit-in")) m = m with { LimitInInterface = true };
        if (c.Literal(" limit-out")) m = m with { LimitOutInterface = true };
        return m;
    }

    private static Negatable<AddressTypes>? Types(TextCursor c, string option)
    {
        if (!c.Literal(option)) return null;
        var inverted = c.Literal("!");
        return c.Word(out var list) && AddressTypeNames.TryParse(list, out var types) ? new Negatable<AddressTypes>(types, inverted) : null;
    }

    private static Match? Recent(TextCursor c, ExtensionContext context)
    {
        var inverted = c.Literal("! ");
        if (!c.Literal("recent:")) return null;
        RecentCommand command;
        if (c.Literal(" SET")) command = RecentCommand.Set;
        else if (c.Literal(" CHECK")) command = RecentCommand.Check;
        else if (c.Literal(" UPDATE")) command = RecentCommand.Update;
        else if (c.Literal(" REMOVE")) command = RecentCommand.Remove;
        else return null;
        // The options in locals, one match at the end: this reader runs on every session-affinity rule.
        uint seconds = 0, hitCount = 0;
        if (c.Literal(" seconds: "))
        {
            if (!c.SignedNumber(out var value)) return null;
            seconds = unchecked((uint)value);
        }
        var reap = c.Literal(" reap");
        if (c.Literal(" hit_count: "))
        {
            if (!c.SignedNumber(out var hits)) return null;
            hitCount = unchecked((uint)hits);
        }
        var ttl = c.Literal(" TTL-Match");
        if (!c.Literal(" name: ") || !c.Word(out var name)) return null;
        RecentSide side;
        if (c.Literal(" side: source")) side = RecentSide.Source;
        else if (c.Literal(" side: dest")) side = RecentSide.Destination;
        else return null;
        if (!c.Literal(" mask: ") || !c.Word(out var maskText) || !IpAddress.TryParse(maskText, out var mask)) return null;
        return new RecentMatch
        {
            Command = command,
            Inverted = inverted,
            Seconds = seconds,
            Reap = reap,
            HitCount = hitCount,
            Ttl = ttl,
            Name = name,
            Side = side,
            Mask = mask,
        };
    }

    private static Match? Physdev(TextCursor c, ExtensionContext context)
    {
        if (!c.Literal("PHYSDEV match")) return null;
        var m = new PhysdevMatch();
        var next = 0;
        string[] options = { "--physdev-is-in", "--physdev-in", "--physdev-is-out", "--physdev-out", "--physdev-is-bridged" };
        while (true)
        {
            var before = c.Position;
            var inverted = c.Literal(" !");
            var read = false;
            for (var i = next; i < options.Length && !read; i++)
            {
                var afterPrefix = c.Position;
                if (!c.Literal(" " + options[i]) || !c.AtItemEnd)
                {
                    c.Position = afterPrefix;
                    continue;
                }
                var flag = new Negatable<bool>(true, inverted);
                if (i == 1 || i == 3)
                {
                    if (!c.Literal(" ") || !c.Word(out var device))
                    {
                        c.Position = afterPrefix;
                        continue;
                    }
                    var name = new Negatable<string>(device, inverted);
                    m = i == 1 ? m with { In = name } : m with { Out = name };
                }
                else
                {
                    m = i switch
                    {
                        0 => m with { IsIn = flag },
                        2 => m with { IsOut = flag },
                        _ => m with { IsBridged = flag },
                    };
                }
                next = i + 1;
                read = true;
            }
            if (!read)
            {
                c.Position = before;
                break;
            }
        }
        return m;
    }

    private static Match? Set(TextCursor c, ExtensionContext context)
    {
        var inverted = c.Literal("! ");
        if (!c.Literal("match-set ") || !c.Word(out var name) || !c.Literal(" ") || !c.Word(out var directions)) return null;
        var returnNoMatch = c.Literal(" return-nomatch");
        return new SetMatch(name, directions, inverted, returnNoMatch);
    }

    private static Match? Nfacct(TextCursor c, ExtensionContext context)
    {
        if (!c.Literal("nfacct-name  ")) return null;
        if (!c.Peek("\"")) return c.Word(out var bare) ? new NfacctMatch(bare) : null;
        c.Literal("\"");
        var name = new System.Text.StringBuilder();
        while (c.Next(out var ch))
        {
            if (ch == '"') return new NfacctMatch(name.ToString());
            if (ch == '\\' && !c.Next(out ch)) return null;
            name.Append(ch);
        }
        return null;
    }

    private static Match? Icmp(TextCursor c, ExtensionContext context)
    {
        bool v6;
        if (context.Family == IpFamily.V4 && context.ProtocolIs(1) && c.Literal("icmp")) v6 = false;
        else if (context.Family == IpFamily.V6 && context.ProtocolIs(58) && c.Literal("ipv6-icmp")) v6 = true;
        else return null;
        var inverted = c.Literal(" !");
        if (!c.Literal("type ") || !c.Number(out var type, byte.MaxValue)) return null;
        ulong codeMin = 0, codeMax = 0xFF;
        var before = c.Position;
        if (c.Literal(" code "))
        {
            if (!c.Number(out codeMin, byte.MaxValue)) return null;
            codeMax = codeMin;
        }
        else if (c.Literal(" codes "))
        {
            if (!c.Number(out codeMin, byte.MaxValue) || !c.Literal("-") || !c.Number(out codeMax, byte.MaxValue)) c.Position = before;
        }
        return new IcmpMatch((byte)type, (byte)codeMin, (byte)codeMax, inverted, v6);
    }

    /// <summary>Runs an optional part; on failure restores the position and returns null.</summary>
    /// <remarks>The reader gets its argument passed rather than captured: readers run on every word of every rule.</remarks>
    private static T? Optional<T>(TextCursor c, string argument, Func<TextCursor, string, T?> read)
        where T : class
    {
        var before = c.Position;
        var result = read(c, argument);
        if (result is null) c.Position = before;
        return result;
    }

    /// <summary><c>80</c> or <c>80SEP90</c>.</summary>
    internal static bool PortText(string text, char separator, out PortRange range)
    {
        range = default;
        var sep = text.IndexOf(separator);
        var firstText = sep < 0 ? text : text.Substring(0, sep);
        var lastText = sep < 0 ? text : text.Substring(sep + 1);
        if (!ushort.TryParse(firstText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first)) return false;
        if (!ushort.TryParse(lastText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)) return false;
        if (last < first) return false;
        range = new PortRange(first, last);
        return true;
    }
}
