using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>The save text of each match (what follows <c>-m NAME</c>), as the 1.8.9 extensions print it.</summary>
internal static class MatchWriter
{
    public static void Append(StringBuilder sb, Match match, RuleWriteOptions options)
    {
        switch (match)
        {
            case CommentMatch m:
                sb.Append(" --comment");
                SaveString.Append(sb, m.Text);
                break;
            case TcpMatch m:
                Ports(sb, "--sport", m.SourcePort);
                Ports(sb, "--dport", m.DestinationPort);
                if (m.Option is { } option && (option.Value != 0 || option.Inverted))
                {
                    Not(sb, option.Inverted);
                    sb.Append(" --tcp-option ").Append(option.Value.ToString(CultureInfo.InvariantCulture));
                }
                if (m.Flags is { } flags && (flags.Mask != TcpFlags.None || flags.Inverted))
                {
                    Not(sb, flags.Inverted);
                    sb.Append(" --tcp-flags ");
                    TcpFlagNames(sb, flags.Mask);
                    sb.Append(' ');
                    TcpFlagNames(sb, flags.Compare);
                }
                break;
            case UdpMatch m:
                Ports(sb, "--sport", m.SourcePort);
                Ports(sb, "--dport", m.DestinationPort);
                break;
            case SctpMatch m:
                Ports(sb, "--sport", m.SourcePort);
                Ports(sb, "--dport", m.DestinationPort);
                break;
            case MultiportMatch m:
                Not(sb, m.Inverted);
                sb.Append(m.Direction switch
                {
                    MultiportDirection.Source => " --sports ",
                    MultiportDirection.Destination => " --dports ",
                    _ => " --ports ",
                });
                for (var i = 0; i < m.Ports.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    sb.Append(m.Ports[i].ToString());
                }
                break;
            case MarkMatch m:
                Not(sb, m.Inverted);
                sb.Append(" --mark ").Append(RuleWriter.Hex(m.Value));
                if (m.Mask != uint.MaxValue) sb.Append('/').Append(RuleWriter.Hex(m.Mask));
                break;
            case AddrTypeMatch m:
                if (m.SourceType is { } src)
                {
                    Not(sb, src.Inverted);
                    if (src.Value != AddressTypes.None) sb.Append(" --src-type ").Append(AddressTypeList(src.Value));
                }
                if (m.DestinationType is { } dst)
                {
                    Not(sb, dst.Inverted);
                    if (dst.Value != AddressTypes.None) sb.Append(" --dst-type ").Append(AddressTypeList(dst.Value));
                }
                if (m.LimitInInterface) sb.Append(" --limit-iface-in");
                if (m.LimitOutInterface) sb.Append(" --limit-iface-out");
                break;
            case StatisticMatch m:
                if (m.Mode == StatisticMode.Random)
                {
                    sb.Append(" --mode random");
                    Not(sb, m.Inverted);
                    sb.Append(" --probability ").Append(ProbabilityText.Format(m.ProbabilityBits));
                }
                else
                {
                    sb.Append(" --mode nth");
                    Not(sb, m.Inverted);
                    sb.Append(" --every ").Append(RuleWriter.Number(m.Every));
                    sb.Append(" --packet ").Append(RuleWriter.Number(m.Packet));
                }
                break;
            case RecentMatch m:
                Recent(sb, m);
                break;
            case ConntrackMatch m:
                Conntrack(sb, m);
                break;
            case StateMatch m:
                Not(sb, m.Inverted);
                sb.Append(" --state");
                States(sb, m.States);
                break;
            case PhysdevMatch m:
                // physdev_save's order: is-in, in, is-out, out, is-bridged.
                Flag(sb, "--physdev-is-in", m.IsIn);
                if (m.In is { } physIn)
                {
                    Not(sb, physIn.Inverted);
                    sb.Append(" --physdev-in ").Append(physIn.Value);
                }
                Flag(sb, "--physdev-is-out", m.IsOut);
                if (m.Out is { } physOut)
                {
                    Not(sb, physOut.Inverted);
                    sb.Append(" --physdev-out ").Append(physOut.Value);
                }
                Flag(sb, "--physdev-is-bridged", m.IsBridged);
                break;
            case SetMatch m:
                Not(sb, m.Inverted);
                sb.Append(" --match-set ").Append(m.SetName).Append(' ').Append(m.Directions);
                if (m.ReturnNoMatch) sb.Append(" --return-nomatch");
                break;
            case NfacctMatch m:
                sb.Append(" --nfacct-name ");
                SaveString.Append(sb, m.Name);
                break;
            case IcmpMatch m:
                Not(sb, m.Inverted);
                if (m.V6)
                {
                    sb.Append(" --icmpv6-type ").Append(m.Type.ToString(CultureInfo.InvariantCulture));
                }
                else if (m.Type == 0xFF)
                {
                    sb.Append(" --icmp-type any");
                    break;
                }
                else
                {
                    sb.Append(" --icmp-type ").Append(m.Type.ToString(CultureInfo.InvariantCulture));
                }
                if (m.CodeMin != 0 || m.CodeMax != 0xFF) sb.Append('/').Append(m.CodeMin.ToString(CultureInfo.InvariantCulture));
                break;
            case RawMatch m:
                sb.Append(m.SaveText ?? RuleWriter.Unknown("match " + m.Name + ": " + m.ListingText, options));
                break;
            default:
                sb.Append(RuleWriter.Unknown("match type " + match.GetType().Name, options));
                break;
        }
    }

    private static void Not(StringBuilder sb, bool inverted)
    {
        if (inverted) sb.Append(" !");
    }

    private static void Flag(StringBuilder sb, string option, Negatable<bool>? flag)
    {
        if (flag is null || !flag.Value) return;
        Not(sb, flag.Inverted);
        sb.Append(' ').Append(option);
    }

    private static void Ports(StringBuilder sb, string option, Negatable<PortRange>? ports)
    {
        if (ports is null || PortText.IsFull(ports.Value)) return;
        Not(sb, ports.Inverted);
        sb.Append(' ').Append(option).Append(' ').AppendPorts(ports.Value);
    }

    private static void TcpFlagNames(StringBuilder sb, TcpFlags flags)
    {
        if (flags == TcpFlags.None)
        {
            sb.Append("NONE");
            return;
        }
        var first = true;
        Append(TcpFlags.Fin, "FIN");
        Append(TcpFlags.Syn, "SYN");
        Append(TcpFlags.Rst, "RST");
        Append(TcpFlags.Psh, "PSH");
        Append(TcpFlags.Ack, "ACK");
        Append(TcpFlags.Urg, "URG");

        void Append(TcpFlags flag, string name)
        {
            if ((flags & flag) == 0) return;
            if (!first) sb.Append(',');
            sb.Append(name);
            first = false;
        }
    }

    private static string AddressTypeList(AddressTypes types)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < AddrTypeMatchParser.TypeNames.Length; i++)
        {
            if (((int)types & (1 << i)) == 0) continue;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(AddrTypeMatchParser.TypeNames[i]);
        }
        return sb.ToString();
    }

    private static void States(StringBuilder sb, ConntrackStates states)
    {
        var separator = ' ';
        Append(ConntrackStates.Invalid, "INVALID");
        Append(ConntrackStates.New, "NEW");
        Append(ConntrackStates.Related, "RELATED");
        Append(ConntrackStates.Established, "ESTABLISHED");
        Append(ConntrackStates.Untracked, "UNTRACKED");
        Append(ConntrackStates.Snat, "SNAT");
        Append(ConntrackStates.Dnat, "DNAT");

        void Append(ConntrackStates state, string name)
        {
            if ((states & state) == 0) return;
            sb.Append(separator).Append(name);
            separator = ',';
        }
    }

    private static void Statuses(StringBuilder sb, ConntrackStatuses statuses)
    {
        var separator = ' ';
        Append(ConntrackStatuses.Expected, "EXPECTED");
        Append(ConntrackStatuses.SeenReply, "SEEN_REPLY");
        Append(ConntrackStatuses.Assured, "ASSURED");
        Append(ConntrackStatuses.Confirmed, "CONFIRMED");
        if (statuses == ConntrackStatuses.None) sb.Append(separator).Append("NONE");

        void Append(ConntrackStatuses status, string name)
        {
            if ((statuses & status) == 0) return;
            sb.Append(separator).Append(name);
            separator = ',';
        }
    }

    private static void Recent(StringBuilder sb, RecentMatch m)
    {
        Not(sb, m.Inverted);
        sb.Append(m.Command switch
        {
            RecentCommand.Set => " --set",
            RecentCommand.Check => " --rcheck",
            RecentCommand.Update => " --update",
            _ => " --remove",
        });
        // iptables prints these two with %d.
        if (m.Seconds != 0) sb.Append(" --seconds ").Append(unchecked((int)m.Seconds).ToString(CultureInfo.InvariantCulture));
        if (m.Reap) sb.Append(" --reap");
        if (m.HitCount != 0) sb.Append(" --hitcount ").Append(unchecked((int)m.HitCount).ToString(CultureInfo.InvariantCulture));
        if (m.Ttl) sb.Append(" --rttl");
        sb.Append(" --name ").Append(m.Name);
        sb.Append(" --mask ").Append(m.Mask.ToString());
        sb.Append(m.Side == RecentSide.Source ? " --rsource" : " --rdest");
    }

    private static void Conntrack(StringBuilder sb, ConntrackMatch m)
    {
        if (m.State is { } state)
        {
            Not(sb, state.Inverted);
            sb.Append(" --ctstate");
            States(sb, state.Value);
        }
        if (m.Protocol is { } protocol)
        {
            Not(sb, protocol.Inverted);
            sb.Append(" --ctproto ").Append(protocol.Value.ToString(CultureInfo.InvariantCulture));
        }
        Address(sb, "--ctorigsrc", m.OriginalSource);
        Address(sb, "--ctorigdst", m.OriginalDestination);
        Address(sb, "--ctreplsrc", m.ReplySource);
        Address(sb, "--ctrepldst", m.ReplyDestination);
        ConntrackPorts(sb, "--ctorigsrcport", m.OriginalSourcePort);
        ConntrackPorts(sb, "--ctorigdstport", m.OriginalDestinationPort);
        ConntrackPorts(sb, "--ctreplsrcport", m.ReplySourcePort);
        ConntrackPorts(sb, "--ctrepldstport", m.ReplyDestinationPort);
        if (m.Status is { } status)
        {
            Not(sb, status.Inverted);
            sb.Append(" --ctstatus");
            Statuses(sb, status.Value);
        }
        if (m.Expire is { } expire)
        {
            Not(sb, expire.Inverted);
            sb.Append(" --ctexpire ").Append(RuleWriter.Number(expire.Value.Min));
            if (expire.Value.Max != expire.Value.Min) sb.Append(':').Append(RuleWriter.Number(expire.Value.Max));
        }
        if (m.Direction is { } direction)
        {
            sb.Append(direction == ConntrackDirection.Reply ? " --ctdir REPLY" : " --ctdir ORIGINAL");
        }

        static void Address(StringBuilder sb, string option, Negatable<IpNetwork>? address)
        {
            if (address is null) return;
            Not(sb, address.Inverted);
            sb.Append(' ').Append(option).Append(' ');
            RuleWriter.AppendHost(sb, address.Value);
        }

        static void ConntrackPorts(StringBuilder sb, string option, Negatable<PortRange>? ports)
        {
            if (ports is null) return;
            Not(sb, ports.Inverted);
            var p = ports.Value;
            sb.Append(' ').Append(option).Append(' ').Append(p.First.ToString(CultureInfo.InvariantCulture));
            if (p.Last != 0 && p.Last != p.First) sb.Append(':').Append(p.Last.ToString(CultureInfo.InvariantCulture));
        }
    }
}
