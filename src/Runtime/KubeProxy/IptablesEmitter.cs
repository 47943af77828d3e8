using NatDsl.Model;
using static NatDsl.KubeProxy.RuleParts;

namespace NatDsl.KubeProxy;

/// <summary>
/// Writes kube-proxy's restore content (the chains it declares and the rules it writes) from a
/// <see cref="ClusterPlan"/>: the fixed rules, each service port's rules in declaration order,
/// the nodeport tail and KUBE-FORWARD.
/// </summary>
internal static class IptablesEmitter
{
    /// <summary>
    /// Writes the plan's rules. With a <paramref name="sink"/>, the nat chains each piece of
    /// service ports owns are handed to it as soon as the piece is written (see <see cref="IChainPieceSink"/>).
    /// </summary>
    public static EmitContext Emit(ClusterPlan plan, int? maxDegreeOfParallelism = null, IChainPieceSink? sink = null)
    {
        var cx = new EmitContext(plan);
        foreach (var chain in cx.Rules.FilterChains) cx.Filter.Declare(chain);
        foreach (var chain in cx.Rules.NatChains) cx.Nat.Declare(chain);

        WritePostrouting(cx);
        if (HasLocalnetFirewall(plan))
        {
            cx.Filter.Declare(KubeChains.Firewall);
            cx.Filter.Append(KubeChains.Firewall, LocalnetFirewallRule());
        }

        WriteServicePorts(cx, maxDegreeOfParallelism ?? System.Environment.ProcessorCount, sink);

        WriteNodePortTail(cx);
        WriteForward(cx);
        return cx;
    }

    /// <summary>Service ports per piece when a large cluster is written on several threads.</summary>
    private const int PortsPerPiece = 256;

    /// <summary>
    /// Each service port's rules, in declaration order. A large cluster is written in pieces of
    /// consecutive service ports on all cores, each into tables of its own, joined in order
    /// afterwards: the same chains in the same order with the same rules as one pass (a service
    /// port's rules depend only on the plan).
    /// </summary>
    private static void WriteServicePorts(EmitContext cx, int threads, IChainPieceSink? sink)
    {
        var ports = cx.Plan.ServicePorts;
        var pieces = (ports.Count + PortsPerPiece - 1) / PortsPerPiece;
        if (pieces < 4 || threads < 2)
        {
            foreach (var port in ports) new ServiceRuleWriter(cx, port).Write();
            return;
        }
        var parts = new EmitContext[pieces];
        NatDsl.Threading.PieceWork.Run(pieces, threads, piece =>
        {
            var first = piece * PortsPerPiece;
            var end = System.Math.Min(ports.Count, first + PortsPerPiece);
            var part = new EmitContext(cx.Plan, first, end);
            for (var i = first; i < end; i++) new ServiceRuleWriter(part, ports[i]).Write();
            if (sink is not null) part.Nat.Stream(cx.Nat, piece, sink);
            parts[piece] = part;
        });
        foreach (var part in parts)
        {
            cx.Filter.AppendAll(part.Filter);
            cx.Nat.AppendAll(part.Nat);
        }
    }

    /// <summary>Whether kube-proxy writes the KUBE-FIREWALL localnet rule (Current, IPv4, localhost NodePorts).</summary>
    public static bool HasLocalnetFirewall(ClusterPlan plan) =>
        plan.Rules.LocalhostNodePortRules && plan.Family == IpFamily.V4 && plan.LocalhostNodePorts;

    /// <summary>The anti-martian rule of KUBE-FIREWALL (kube-proxy's and kubelet's identical copies).</summary>
    public static Rule LocalnetFirewallRule() => new Rule
    {
        Source = Net(Loopback(IpFamily.V4), inverted: true),
        Destination = Net(Loopback(IpFamily.V4)),
        Matches = Matches(Comment(ServiceComments.BlockLocalnet), State(ConntrackStates.Related | ConntrackStates.Established | ConntrackStates.Dnat, inverted: true)),
        Target = VerdictTarget.Drop,
    };

    private static void WritePostrouting(EmitContext cx)
    {
        var mark = cx.Plan.MasqueradeMark;
        var masquerade = new MasqueradeTarget(RandomFully: cx.Plan.RandomFully);
        if (cx.Rules.Postrouting == PostroutingForm.MarkMatchMasquerade)
        {
            cx.Nat.Append(KubeChains.Postrouting, new Rule
            {
                Matches = Matches(Comment(ServiceComments.TrafficRequiringSnat), new MarkMatch(mark, mark)),
                Target = masquerade,
            });
        }
        else
        {
            cx.Nat.Append(KubeChains.Postrouting, new Rule { Matches = Matches(new MarkMatch(mark, mark, Inverted: true)), Target = VerdictTarget.Return });
            cx.Nat.Append(KubeChains.Postrouting, new Rule { Target = MarkTarget.Xor(mark) });
            cx.Nat.Append(KubeChains.Postrouting, new Rule { Matches = Matches(Comment(ServiceComments.TrafficRequiringSnat)), Target = masquerade });
        }
        cx.Nat.Append(KubeChains.MarkMasq, new Rule { Target = MarkTarget.Or(mark) });
    }

    private static void WriteNodePortTail(EmitContext cx)
    {
        var plan = cx.Plan;
        var comment = Comment(ServiceComments.NodePortsTail);
        if (plan.NodePortsMatchAll)
        {
            Negatable<IpNetwork>? exclude = null;
            if (cx.Rules.LocalhostNodePortRules)
            {
                if (plan.Family == IpFamily.V6) exclude = Net(Loopback(IpFamily.V6), inverted: true);
                else if (!plan.LocalhostNodePorts) exclude = Net(Loopback(IpFamily.V4), inverted: true);
            }
            cx.Nat.Append(KubeChains.Services, new Rule { Destination = exclude, Matches = Matches(comment, DestinationLocal()), Target = Jump(KubeChains.NodePorts) });
            return;
        }
        foreach (var ip in plan.NodePortIPs)
        {
            cx.Nat.Append(KubeChains.Services, new Rule { Destination = Host(ip), Matches = Matches(comment), Target = Jump(KubeChains.NodePorts) });
        }
    }

    private static void WriteForward(EmitContext cx)
    {
        var plan = cx.Plan;
        var mark = plan.MasqueradeMark;
        var established = ConntrackStates.Related | ConntrackStates.Established;
        if (cx.Rules.Forward == ForwardChainForm.ClusterCidrConntrack)
        {
            cx.Filter.Append(KubeChains.Forward, new Rule { Matches = Matches(State(ConntrackStates.Invalid)), Target = VerdictTarget.Drop });
            cx.Filter.Append(KubeChains.Forward, new Rule { Matches = Matches(Comment(ServiceComments.ForwardingRules), new MarkMatch(mark, mark)), Target = VerdictTarget.Accept });
            if (plan.LocalTrafficCidr is IpNetwork cidr)
            {
                cx.Filter.Append(KubeChains.Forward, new Rule { Source = Net(cidr), Matches = Matches(Comment(ServiceComments.ForwardingConntrackPodSource), State(established)), Target = VerdictTarget.Accept });
                cx.Filter.Append(KubeChains.Forward, new Rule { Destination = Net(cidr), Matches = Matches(Comment(ServiceComments.ForwardingConntrackPodDestination), State(established)), Target = VerdictTarget.Accept });
            }
            return;
        }

        if (!plan.ConntrackTcpBeLiberal)
        {
            var matches = plan.Nfacct
                ? Matches(State(ConntrackStates.Invalid), new NfacctMatch("ct_state_invalid_dropped_pkts"))
                : Matches(State(ConntrackStates.Invalid));
            cx.Filter.Append(KubeChains.Forward, new Rule { Matches = matches, Target = VerdictTarget.Drop });
        }
        cx.Filter.Append(KubeChains.Forward, new Rule { Matches = Matches(Comment(ServiceComments.ForwardingRules), new MarkMatch(mark, mark)), Target = VerdictTarget.Accept });
        cx.Filter.Append(KubeChains.Forward, new Rule { Matches = Matches(Comment(ServiceComments.ForwardingConntrack), State(established)), Target = VerdictTarget.Accept });
    }
}
