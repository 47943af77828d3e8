using System;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>Evaluates a rule's matches against a packet as the kernel's match modules do.</summary>
internal static class MatchEvaluator
{
    public static RuleMatch Evaluate(TraceContext context, string hook, Rule rule, in BranchPacket packet)
    {
        if (!Header(hook, rule, packet)) return RuleMatch.No;
        var chance = Probability.One;
        var note = string.Empty;
        StatisticChance? single = null;
        var statistics = 0;
        foreach (var match in rule.Matches)
        {
            switch (Single(context, match, packet, out var reason))
            {
                case Tri.No:
                    return RuleMatch.No;
                case Tri.Unknown:
                    return RuleMatch.Unknown(reason);
                case Tri.Maybe:
                    var statistic = StatisticChance.Of((StatisticMatch)match);
                    chance *= statistic.Chance;
                    note = statistic.Note;
                    single = statistic;
                    statistics++;
                    break;
            }
        }
        return new RuleMatch(chance, null, note, statistics == 1 ? single : null);
    }

    private static bool Header(string hook, Rule rule, in BranchPacket packet)
    {
        if (rule.Source is { } src && src.Value.Contains(packet.Source) == src.Inverted) return false;
        if (rule.Destination is { } dst && dst.Value.Contains(packet.Destination) == dst.Inverted) return false;
        if (rule.Protocol is { } proto && proto.Value != 0 && (proto.Value == packet.Protocol) == proto.Inverted) return false;
        if (rule.Fragment is { } frag && !frag.Inverted) return false;
        return Interfaces(hook, rule.InInterface, rule.OutInterface, packet);
    }

    /// <summary>Whether a packet passes a rule's <c>-i</c> and <c>-o</c> tests in a hook.</summary>
    public static bool Interfaces(string hook, Negatable<string>? inInterface, Negatable<string>? outInterface, in BranchPacket packet)
    {
        var inName = hook is "OUTPUT" or "POSTROUTING" ? null : packet.InInterface;
        var outName = hook is "PREROUTING" or "INPUT" ? null : packet.OutInterface;
        if (inInterface is { } i && InterfaceMatches(i.Value, inName) == i.Inverted) return false;
        if (outInterface is { } o && InterfaceMatches(o.Value, outName) == o.Inverted) return false;
        return true;
    }

    private static bool InterfaceMatches(string pattern, string? name)
    {
        if (name is null) return false;
        if (pattern.EndsWith("+", StringComparison.Ordinal)) return name.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal);
        return string.Equals(pattern, name, StringComparison.Ordinal);
    }

    /// <summary>One match's answer: yes, no, a chance (random statistic), or cannot tell.</summary>
    internal enum Tri
    {
        Yes,
        No,
        Maybe,
        Unknown,
    }

    private static Tri Bool(bool value) => value ? Tri.Yes : Tri.No;

    private static bool PortIn(Negatable<PortRange>? port, int value) => port is null || port.Value.Contains(value) != port.Inverted;

    /// <summary>Evaluates one match; <paramref name="reason"/> says why when the answer is <see cref="Tri.Unknown"/>.</summary>
    public static Tri Single(TraceContext context, Match match, in BranchPacket packet, out string reason)
    {
        reason = string.Empty;
        switch (match)
        {
            case CommentMatch:
            case NfacctMatch:
                return Tri.Yes;
            case TcpMatch tcp:
                if (packet.Protocol != 6) return Tri.No;
                if (tcp.Flags is { } flags)
                {
                    // A connection's first packet is a bare SYN.
                    var syn = (byte)TcpFlags.Syn;
                    var matches = (syn & (byte)flags.Mask) == (byte)flags.Compare;
                    if (matches == flags.Inverted) return Tri.No;
                }
                if (tcp.Option is not null)
                {
                    reason = "tcp --tcp-option depends on the packet's TCP options";
                    return Tri.Unknown;
                }
                return Bool(PortIn(tcp.SourcePort, packet.SourcePort) && PortIn(tcp.DestinationPort, packet.DestinationPort));
            case UdpMatch udp:
                return Bool(packet.Protocol == 17 && PortIn(udp.SourcePort, packet.SourcePort) && PortIn(udp.DestinationPort, packet.DestinationPort));
            case SctpMatch sctp:
                return Bool(packet.Protocol == 132 && PortIn(sctp.SourcePort, packet.SourcePort) && PortIn(sctp.DestinationPort, packet.DestinationPort));
            case MultiportMatch multi:
            {
                var any = false;
                foreach (var range in multi.Ports)
                {
                    if ((multi.Direction != MultiportDirection.Destination && range.Contains(packet.SourcePort)) ||
                        (multi.Direction != MultiportDirection.Source && range.Contains(packet.DestinationPort)))
                    {
                        any = true;
                        break;
                    }
                }
                return Bool(any != multi.Inverted);
            }
            case MarkMatch mark:
                return Bool(((packet.Mark & mark.Mask) == mark.Value) != mark.Inverted);
            case AddrTypeMatch addr:
            {
                if (addr.SourceType is { } st && ((context.TypeOf(packet.Source) & st.Value) != 0) == st.Inverted) return Tri.No;
                if (addr.DestinationType is { } dt && ((context.TypeOf(packet.Destination) & dt.Value) != 0) == dt.Inverted) return Tri.No;
                return Tri.Yes;
            }
            case StatisticMatch stat:
                if (stat.Mode == StatisticMode.Random) return Tri.Maybe;
                reason = "statistic nth depends on the packet count";
                return Tri.Unknown;
            case RecentMatch recent:
                if (recent.Command == RecentCommand.Set) return Bool(!recent.Inverted);
                if (recent.Command == RecentCommand.Remove)
                {
                    return Bool(context.IsAffinityHit(recent.Name) != recent.Inverted);
                }
                return Bool(context.IsAffinityHit(recent.Name) != recent.Inverted);
            case ConntrackMatch ct:
                return Conntrack(ct, packet, out reason);
            case StateMatch state:
                return Bool(((packet.State & state.States) != 0) != state.Inverted);
            case PhysdevMatch phys:
                if (phys.In is not null || phys.Out is not null)
                {
                    // Without bridge information the kernel's physdev match succeeds only for inverted names.
                    if (packet.Bridged)
                    {
                        reason = "physdev port names depend on the bridge";
                        return Tri.Unknown;
                    }
                    if (phys.In is { Inverted: false } || phys.Out is { Inverted: false }) return Tri.No;
                }
                if (phys.IsIn is { } isIn && packet.Bridged == isIn.Inverted) return Tri.No;
                if (phys.IsOut is { } isOut && packet.Bridged == isOut.Inverted) return Tri.No;
                if (phys.IsBridged is { } isBridged && packet.Bridged == isBridged.Inverted) return Tri.No;
                return Tri.Yes;
            case IcmpMatch:
                reason = "icmp type matching is not traced";
                return Tri.Unknown;
            case SetMatch set:
                reason = "ipset " + set.SetName + " contents are unknown";
                return Tri.Unknown;
            case RawMatch raw:
                reason = "opaque extension -m " + raw.Name;
                return Tri.Unknown;
            default:
                reason = "match " + match.Module + " is not traced";
                return Tri.Unknown;
        }
    }

    private static Tri Conntrack(ConntrackMatch ct, in BranchPacket packet, out string reason)
    {
        reason = string.Empty;
        if (ct.State is { } state && ((packet.State & state.Value) != 0) == state.Inverted) return Tri.No;
        if (ct.Protocol is { } proto && (proto.Value == packet.Protocol) == proto.Inverted) return Tri.No;
        if (ct.ReplySource is not null || ct.ReplyDestination is not null || ct.ReplySourcePort is not null ||
            ct.ReplyDestinationPort is not null || ct.Status is not null || ct.Expire is not null ||
            ct.OriginalSource is not null || ct.OriginalDestination is not null ||
            ct.OriginalSourcePort is not null || ct.OriginalDestinationPort is not null || ct.Direction is not null)
        {
            reason = "conntrack tuple/status options are not traced";
            return Tri.Unknown;
        }
        return Tri.Yes;
    }
}
