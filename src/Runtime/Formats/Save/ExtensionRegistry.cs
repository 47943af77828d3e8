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

    /// <summary>A parser for a modelled match, or null when <paramref name="name"/> is not modelled.</summary>
    public static MatchParser? CreateMatch(string name, RuleToken nameToken, RuleParseContext context)
    {
        var family = context.Family;
        var line = context.Line;
        switch (name)
        {
            case "tcp": return new TcpMatchParser(nameToken);
            case "udp": return new UdpMatchParser(nameToken);
            case "sctp": return new SctpMatchParser(nameToken);
            case "multiport": return new MultiportMatchParser(nameToken);
            case "mark": return new MarkMatchParser(nameToken);
            case "comment": return new CommentMatchParser(nameToken);
            case "statistic": return new StatisticMatchParser(nameToken);
            case "addrtype": return new AddrTypeMatchParser(nameToken);
            case "recent": return new RecentMatchParser(nameToken);
            case "conntrack": return new ConntrackMatchParser(nameToken);
            case "state": return new StateMatchParser(nameToken);
            case "physdev": return new PhysdevMatchParser(nameToken);
            case "set": return new SetMatchParser(nameToken);
            case "nfacct": return new NfacctMatchParser(nameToken);
            case "icmp":
                family.Observe(IpFamily.V4, line, nameToken, "the icmp match");
                return new IcmpMatchParser(nameToken, v6: false);
            case "icmp6":
            case "icmpv6":
            case "ipv6-icmp":
                family.Observe(IpFamily.V6, line, nameToken, "the icmp6 match");
                return new IcmpMatchParser(nameToken, v6: true);
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
    public static TargetParser? CreateTarget(string name, RuleToken nameToken) => name switch
    {
        "DNAT" => new NatTargetParser(nameToken, NatTargetKind.Dnat),
        "SNAT" => new NatTargetParser(nameToken, NatTargetKind.Snat),
        "MASQUERADE" => new NatTargetParser(nameToken, NatTargetKind.Masquerade),
        "REDIRECT" => new NatTargetParser(nameToken, NatTargetKind.Redirect),
        "REJECT" => new RejectTargetParser(nameToken),
        "LOG" => new LogTargetParser(nameToken),
        "MARK" => new MarkTargetParser(nameToken),
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

    /// <summary>True for a target extension iptables has but the model does not type.</summary>
    public static bool IsOtherTargetExtension(string name) => OtherTargetNames.Contains(name);

    /// <summary>True when <paramref name="name"/> cannot be a user chain name because a target has it.</summary>
    public static bool IsTargetName(string name) => Verdict(name) is not null || IsOtherTargetExtension(name) || name is "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" or "REJECT" or "LOG" or "MARK";
}
