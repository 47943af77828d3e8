using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The text each match prints in a numeric listing (the extension's <c>print</c> function, without
/// the leading space). Values are canonicalised the way iptables prints them.
/// </summary>
internal static class MatchTextWriter
{
    /// <summary>The listing text of a match (no leading space).</summary>
    public static string Write(Match match) => match switch
    {
        CommentMatch m => "/* " + m.Text + " */",
        TcpMatch { SourcePort: null, DestinationPort: null, Option: null, Flags: null } => "tcp",
        TcpMatch m => string.Concat("tcp" + Ports("spt", m.SourcePort) + Ports("dpt", m.DestinationPort), TcpOption(m.Option), TcpFlagsText(m.Flags)),
        UdpMatch { SourcePort: null, DestinationPort: null } => "udp",
        UdpMatch m => "udp" + Ports("spt", m.SourcePort) + Ports("dpt", m.DestinationPort),
        SctpMatch m => "sctp" + Ports("spt", m.SourcePort) + Ports("dpt", m.DestinationPort),
        MultiportMatch m => Multiport(m),
        MarkMatch m => "mark match" + (m.Inverted ? " !" : string.Empty) + " " + Hex(m.Value) + (m.Mask != uint.MaxValue ? "/" + Hex(m.Mask) : string.Empty),
        StatisticMatch m => Statistic(m),
        AddrTypeMatch m => AddrType(m),
        RecentMatch m => Recent(m),
        ConntrackMatch m => Conntrack(m),
        StateMatch m => (m.Inverted ? "! " : string.Empty) + "state " + States(m.States),
        PhysdevMatch m => Physdev(m),
        SetMatch m => (m.Inverted ? "! " : string.Empty) + "match-set " + m.SetName + " " + m.Directions + (m.ReturnNoMatch ? " return-nomatch" : string.Empty),
        NfacctMatch m => "nfacct-name " + SaveString(m.Name),
        IcmpMatch m => Icmp(m),
        RawMatch m => m.ListingText ?? RawFallback(m.Name, m.SaveText),
        _ => match.Module,
    };

    /// <summary>
    /// What a model-only unknown match (one read from save text) prints: its module and save text,
    /// an approximation documented in listing-limits.md.
    /// </summary>
    public static string RawFallback(string name, string? saveText) => name + (saveText ?? string.Empty);

    /// <summary><c>0x4000</c>: lower-case hex without padding.</summary>
    public static string Hex(uint value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary><c>xtables_save_string</c>: a space, then the value bare or double-quoted with escapes.</summary>
    public static string SaveString(string value)
    {
        var bare = value.Length > 0;
        foreach (var c in value)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            {
                bare = false;
                break;
            }
        }
        if (bare) return " " + value;
        var sb = new StringBuilder(" \"");
        foreach (var c in value)
        {
            if (c == '"' || c == '\\' || c == '\'') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Port field of tcp/udp/sctp: <c> dpt:80</c>, <c> dpts:!1:1023</c>, nothing for an open range.</summary>
    private static string Ports(string name, Negatable<PortRange>? ports)
    {
        if (ports is null) return string.Empty;
        var range = ports.Value;
        var inverted = ports.Inverted ? "!" : string.Empty;
        if (range.First == 0 && range.Last == ushort.MaxValue && !ports.Inverted) return string.Empty;
        // At most four pieces per concatenation: more would allocate an array on every rule read.
        var head = name switch
        {
            "spt" => range.IsSingle ? " spt:" : " spts:",
            "dpt" => range.IsSingle ? " dpt:" : " dpts:",
            _ => " " + name + (range.IsSingle ? ":" : "s:"),
        };
        return range.IsSingle
            ? head + inverted + Num(range.First)
            : string.Concat(head + inverted + Num(range.First), ":", Num(range.Last));
    }

    private static string TcpOption(Negatable<byte>? option)
    {
        if (option is null || (option.Value == 0 && !option.Inverted)) return string.Empty;
        return " option=" + (option.Inverted ? "!" : string.Empty) + Num(option.Value);
    }

    private static string TcpFlagsText(TcpFlagsMatch? flags)
    {
        if (flags is null || (flags.Mask == TcpFlags.None && !flags.Inverted)) return string.Empty;
        return " flags:" + (flags.Inverted ? "!" : string.Empty) + "0x" + ((byte)flags.Mask).ToString("X2", CultureInfo.InvariantCulture)
            + "/0x" + ((byte)flags.Compare).ToString("X2", CultureInfo.InvariantCulture);
    }

    private static string Multiport(MultiportMatch m)
    {
        var direction = m.Direction switch
        {
            MultiportDirection.Source => "sports ",
            MultiportDirection.Destination => "dports ",
            _ => "ports ",
        };
        var list = new List<string>();
        foreach (var range in m.Ports) list.Add(range.IsSingle ? Num(range.First) : Num(range.First) + ":" + Num(range.Last));
        return "multiport " + direction + (m.Inverted ? " !" : string.Empty) + string.Join(",", list);
    }

    private static string Statistic(StatisticMatch m)
    {
        var inverted = m.Inverted ? " !" : string.Empty;
        if (m.Mode == StatisticMode.Random) return "statistic mode random" + inverted + " probability " + ProbabilityText.Format(m.ProbabilityBits);
        return "statistic mode nth" + inverted + " every " + Num(m.Every) + (m.Packet != 0 ? " packet " + Num(m.Packet) : string.Empty);
    }

    private static string AddrType(AddrTypeMatch m)
    {
        var sb = Builder().Append("ADDRTYPE match");
        if (m.SourceType is { } src && src.Value != AddressTypes.None) sb.Append(" src-type ").Append(src.Inverted ? "!" : string.Empty).Append(AddressTypeNames.Join(src.Value));
        if (m.DestinationType is { } dst && dst.Value != AddressTypes.None) sb.Append(" dst-type ").Append(dst.Inverted ? "!" : string.Empty).Append(AddressTypeNames.Join(dst.Value));
        if (m.LimitInInterface) sb.Append(" limit-in");
        if (m.LimitOutInterface) sb.Append(" limit-out");
        return sb.ToString();
    }

    private static string Recent(RecentMatch m)
    {
        var sb = Builder().Append(m.Inverted ? "! recent:" : "recent:");
        sb.Append(m.Command switch
        {
            RecentCommand.Set => " SET",
            RecentCommand.Check => " CHECK",
            RecentCommand.Update => " UPDATE",
            _ => " REMOVE",
        });
        // iptables prints seconds and hit_count with %d.
        if (m.Seconds != 0) sb.Append(" seconds: ").Append(unchecked((int)m.Seconds).ToString(CultureInfo.InvariantCulture));
        if (m.Reap) sb.Append(" reap");
        if (m.HitCount != 0) sb.Append(" hit_count: ").Append(unchecked((int)m.HitCount).ToString(CultureInfo.InvariantCulture));
        if (m.Ttl) sb.Append(" TTL-Match");
        sb.Append(" name: ").Append(m.Name);
        sb.Append(m.Side == RecentSide.Source ? " side: source" : " side: dest");
        sb.Append(" mask: ").Append(m.Mask.ToString());
        return sb.ToString();
    }

    private static string Conntrack(ConntrackMatch m)
    {
        var parts = new List<string>();
        void Add<T>(Negatable<T>? option, string name, System.Func<T, string> text)
        {
            if (option is null) return;
            parts.Add((option.Inverted ? "! " : string.Empty) + name + " " + text(option.Value));
        }
        Add(m.State, "ctstate", States);
        Add(m.Protocol, "ctproto", p => Num(p));
        Add(m.OriginalSource, "ctorigsrc", AddressText.Format);
        Add(m.OriginalDestination, "ctorigdst", AddressText.Format);
        Add(m.ReplySource, "ctreplsrc", AddressText.Format);
        Add(m.ReplyDestination, "ctrepldst", AddressText.Format);
        Add(m.OriginalSourcePort, "ctorigsrcport", PortColon);
        Add(m.OriginalDestinationPort, "ctorigdstport", PortColon);
        Add(m.ReplySourcePort, "ctreplsrcport", PortColon);
        Add(m.ReplyDestinationPort, "ctrepldstport", PortColon);
        Add(m.Status, "ctstatus", Statuses);
        Add(m.Expire, "ctexpire", e => e.Min == e.Max ? Num(e.Min) : Num(e.Min) + ":" + Num(e.Max));
        if (m.Direction is { } direction) parts.Add(direction == ConntrackDirection.Reply ? "ctdir REPLY" : "ctdir ORIGINAL");
        return string.Join(" ", parts);
    }

    /// <summary><c>NEW,ESTABLISHED</c> in iptables' fixed order.</summary>
    public static string States(ConntrackStates states)
    {
        var names = new List<string>();
        if ((states & ConntrackStates.Invalid) != 0) names.Add("INVALID");
        if ((states & ConntrackStates.New) != 0) names.Add("NEW");
        if ((states & ConntrackStates.Related) != 0) names.Add("RELATED");
        if ((states & ConntrackStates.Established) != 0) names.Add("ESTABLISHED");
        if ((states & ConntrackStates.Untracked) != 0) names.Add("UNTRACKED");
        if ((states & ConntrackStates.Snat) != 0) names.Add("SNAT");
        if ((states & ConntrackStates.Dnat) != 0) names.Add("DNAT");
        return string.Join(",", names);
    }

    /// <summary><c>SEEN_REPLY,ASSURED</c>, or <c>NONE</c>.</summary>
    public static string Statuses(ConntrackStatuses statuses)
    {
        var names = new List<string>();
        if ((statuses & ConntrackStatuses.Expected) != 0) names.Add("EXPECTED");
        if ((statuses & ConntrackStatuses.SeenReply) != 0) names.Add("SEEN_REPLY");
        if ((statuses & ConntrackStatuses.Assured) != 0) names.Add("ASSURED");
        if ((statuses & ConntrackStatuses.Confirmed) != 0) names.Add("CONFIRMED");
        return names.Count == 0 ? "NONE" : string.Join(",", names);
    }

    private static string Physdev(PhysdevMatch m)
    {
        var sb = Builder().Append("PHYSDEV match");
        Flag(sb, m.IsIn, "--physdev-is-in");
        if (m.In is { } input) sb.Append(input.Inverted ? " !" : string.Empty).Append(" --physdev-in ").Append(input.Value);
        Flag(sb, m.IsOut, "--physdev-is-out");
        if (m.Out is { } output) sb.Append(output.Inverted ? " !" : string.Empty).Append(" --physdev-out ").Append(output.Value);
        Flag(sb, m.IsBridged, "--physdev-is-bridged");
        return sb.ToString();
    }

    private static void Flag(StringBuilder sb, Negatable<bool>? flag, string option)
    {
        if (flag is null || !flag.Value) return;
        sb.Append(flag.Inverted ? " !" : string.Empty).Append(' ').Append(option);
    }

    private static string Icmp(IcmpMatch m)
    {
        var sb = Builder().Append(m.V6 ? "ipv6-icmp" : "icmp");
        if (m.Inverted) sb.Append(" !");
        sb.Append("type ").Append(Num(m.Type));
        if (m.CodeMin == m.CodeMax) sb.Append(" code ").Append(Num(m.CodeMin));
        else if (m.CodeMin != 0 || m.CodeMax != 0xFF) sb.Append(" codes ").Append(Num(m.CodeMin)).Append('-').Append(Num(m.CodeMax));
        return sb.ToString();
    }

    private static string PortColon(PortRange range) => range.IsSingle ? Num(range.First) : Num(range.First) + ":" + Num(range.Last);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An empty builder reused by the writers of this thread (they run for every candidate reading of every rule).</summary>
    private static StringBuilder Builder()
    {
        var sb = _builder ??= new StringBuilder(256);
        sb.Clear();
        return sb;
    }

    [System.ThreadStatic]
    private static StringBuilder? _builder;
}
