using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>Which <c>-m</c>/<c>-j</c> names the model knows, and the parser for each.</summary>
internal static class ExtensionRegistry
{
    /// <summary>Target extension names of iptables that are not modelled (kept as <see cref="RawTarget"/>); never chain names.</summary>
    private static readonly HashSet<string> OtherTargetNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK", "CT", "DNPT", "DSCP", "ECN", "HL", "HMARK",
        "IDLETIMER", "LED", "MIRROR", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK", "RATEEST", "SAME", "SECMARK", "SET", "SNPT",
        "SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG",
    };

    // The slots of the parsers a context keeps (RuleParseContext.Parser).
    private const int Tcp = 0, Udp = 1, Sctp = 2, Multiport = 3, Mark = 4, Comment = 5, Statistic = 6, AddrType = 7, Recent = 8,
        Conntrack = 9, State = 10, Physdev = 11, Set = 12, Nfacct = 13, Icmp = 14, Nat = 15, Reject = 16, Log = 17, MarkTarget = 18;

    /// <summary>The number of parser kinds a <see cref="RuleParseContext"/> keeps one instance of.</summary>
    public const int ParserSlots = 19;

    /// <summary>Whether the model types the match <paramref name="name"/> (the names <see cref="CreateMatch"/> knows).</summary>
    public static bool IsKnownMatch(string name) => name is "tcp" or "udp" or "sctp" or "multiport" or "mark" or "comment" or "statistic"
        or "addrtype" or "recent" or "conntrack" or "state" or "physdev" or "set" or "nfacct" or "icmp" or "icmp6" or "icmpv6" or "ipv6-icmp";

    /// <summary>A parser for a modelled match, or null when <paramref name="name"/> is not modelled.</summary>
    public static MatchParser? CreateMatch(string name, RuleToken nameToken, RuleParseContext context)
    {
        var family = context.Family;
        var line = context.Line;
        switch (name)
        {
            case "tcp": return context.Parser<TcpMatchParser>(Tcp, nameToken);
            case "udp": return context.Parser<UdpMatchParser>(Udp, nameToken);
            case "sctp": return context.Parser<SctpMatchParser>(Sctp, nameToken);
            case "multiport": return context.Parser<MultiportMatchParser>(Multiport, nameToken);
            case "mark": return context.Parser<MarkMatchParser>(Mark, nameToken);
            case "comment": return context.Parser<CommentMatchParser>(Comment, nameToken);
            case "statistic": return context.Parser<StatisticMatchParser>(Statistic, nameToken);
            case "addrtype": return context.Parser<AddrTypeMatchParser>(AddrType, nameToken);
            case "recent": return context.Parser<RecentMatchParser>(Recent, nameToken);
            case "conntrack": return context.Parser<ConntrackMatchParser>(Conntrack, nameToken);
            case "state": return context.Parser<StateMatchParser>(State, nameToken);
            case "physdev": return context.Parser<PhysdevMatchParser>(Physdev, nameToken);
            case "set": return context.Parser<SetMatchParser>(Set, nameToken);
            case "nfacct": return context.Parser<NfacctMatchParser>(Nfacct, nameToken);
            case "icmp":
                family.Observe(IpFamily.V4, line, nameToken, "the icmp match");
                return context.Parser<IcmpMatchParser>(Icmp, nameToken).For(v6: false);
            case "icmp6":
            case "icmpv6":
            case "ipv6-icmp":
                family.Observe(IpFamily.V6, line, nameToken, "the icmp6 match");
                return context.Parser<IcmpMatchParser>(Icmp, nameToken).For(v6: true);
            default: return null;
        }
    }

    /// <summary>The match module <c>-p</c> loads implicitly for a protocol number, or null.</summary>
    public static string? ImplicitMatchName(int protocol) => protocol switch
    {
        6 => "tcp",
        17 => "udp",
        132 => "sctp",
        1 => "icmp",
        58 => "icmp6",
        _ => null,
    };

    /// <summary>A parser for a modelled target extension, or null.</summary>
    public static TargetParser? CreateTarget(string name, RuleToken nameToken, RuleParseContext context) => name switch
    {
        "DNAT" => context.Parser<NatTargetParser>(Nat, nameToken).For(NatTargetKind.Dnat),
        "SNAT" => context.Parser<NatTargetParser>(Nat, nameToken).For(NatTargetKind.Snat),
        "MASQUERADE" => context.Parser<NatTargetParser>(Nat, nameToken).For(NatTargetKind.Masquerade),
        "REDIRECT" => context.Parser<NatTargetParser>(Nat, nameToken).For(NatTargetKind.Redirect),
        "REJECT" => context.Parser<RejectTargetParser>(Reject, nameToken),
        "LOG" => context.Parser<LogTargetParser>(Log, nameToken),
        "MARK" => context.Parser<MarkTargetParser>(MarkTarget, nameToken),
        _ => null,
    };

    /// <summary>The standard verdict named <paramref name="name"/>, or null.</summary>
    public static VerdictTarget? Verdict(string name) => name switch
    {
        "ACCEPT" => VerdictTarget.Accept,
        "DROP" => VerdictTarget.Drop,
        "RETURN" => VerdictTarget.Return,
        "QUEUE" => new VerdictTarget(Model.Verdict.Queue),
        _ => null,
    };

    /// <summary>The names <see cref="Verdict"/> and <see cref="CreateTarget"/> know.</summary>
    private static readonly string[] TypedTargetNames = { "ACCEPT", "DROP", "RETURN", "QUEUE", "DNAT", "SNAT", "MASQUERADE", "REDIRECT", "REJECT", "LOG", "MARK" };

    /// <summary>The length of the longest target name (verdict, typed or other extension): a longer <c>-j</c> name is a chain.</summary>
    private static readonly int LongestTargetName = Longest(TypedTargetNames, OtherTargetNames);

    /// <summary>
    /// False when <paramref name="name"/> is longer than every target name, so none of
    /// <see cref="Verdict"/>, <see cref="CreateTarget"/> and <see cref="IsOtherTargetExtension"/>
    /// can know it (a kube-proxy dump jumps to hundreds of thousands of such chain names).
    /// </summary>
    public static bool MayBeTargetName(string name) => name.Length <= LongestTargetName;

    /// <summary>True for a target extension iptables has but the model does not type.</summary>
    public static bool IsOtherTargetExtension(string name) => OtherTargetNames.Contains(name);

    private static int Longest(string[] names, HashSet<string> others)
    {
        var longest = 0;
        foreach (var name in names) longest = Math.Max(longest, name.Length);
        foreach (var name in others) longest = Math.Max(longest, name.Length);
        return longest;
    }

    /// <summary>True when <paramref name="name"/> cannot be a user chain name because a target has it.</summary>
    public static bool IsTargetName(string name) => Verdict(name) is not null || IsOtherTargetExtension(name) || name is "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" or "REJECT" or "LOG" or "MARK";
}
