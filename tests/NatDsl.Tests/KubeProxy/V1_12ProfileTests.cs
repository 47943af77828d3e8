using System;
using System.Linq;
using NatDsl.Dsl;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;
using static NatDsl.Tests.KubeProxy.ExpectedRule;

namespace NatDsl.Tests.KubeProxy;

/// <summary>V1_12 behaviour beyond the seed (rule texts from kube-proxy-v1.12.md §3 and the v1.14/1.15 syncProxyRules).</summary>
public class V1_12ProfileTests
{
    private const string Masq = "KUBE-MARK-MASQ";
    private const string N = "ns1/lb:http";

    private static readonly string Svc = ChainHashing.ServiceChain(N, "tcp");
    private static readonly string Xlb = ChainHashing.ExternalLocalChain(N, "tcp");
    private static readonly string Fw = ChainHashing.FirewallChain(N, "tcp");

    private static RuleSet Compile(Action<ClusterBuilder> define, bool selfContained = false) =>
        KubeProxyCompiler.Compile(ClusterSpec.Build(define), new CompileOptions { SelfContained = selfContained });

    private static Action<ClusterBuilder> Lb(Action<ServiceBuilder> service) => c => c
        .KubeProxy(KubeProxyProfile.V1_12).ClusterCidr("10.254.0.0/16").NodeName("node1").NodeIP("192.168.0.2").RandomFully(false)
        .Service("ns1/lb", s => { s.Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.50").Port("http", 80, Protocol.Tcp, nodePort: 30082); service(s); });

    private static string Sep(string endpoint) => ChainHashing.EndpointChain(N, "tcp", endpoint);

    [Test]
    public void External_ips_masquerade_then_jump_for_off_machine_and_local_destinations()
    {
        var nat = Compile(Lb(s => s.ExternalIPs("192.0.2.10").Endpoints(8080, "10.254.1.5"))).FindTable("nat")!;
        var rules = nat.FindChain("KUBE-SERVICES")!.Rules;
        Assert.That(rules.Skip(2).Take(3).ToArray(), Is.EqualTo(new[]
        {
            New().Dst("192.0.2.10").Comment("ns1/lb:http external IP").Tcp(80).Jump(Masq),
            New().Dst("192.0.2.10").Comment("ns1/lb:http external IP").Tcp(80)
                .Match(new PhysdevMatch { IsIn = new Negatable<bool>(true, true) }).SrcTypeLocal(inverted: true).Jump(Svc),
            New().Dst("192.0.2.10").Comment("ns1/lb:http external IP").Tcp(80).DstTypeLocal().Jump(Svc),
        }));
    }

    [Test]
    public void Load_balancer_firewall_masquerades_filters_sources_and_marks_the_rest_for_drop()
    {
        var nat = Compile(Lb(s => s.LoadBalancerIngress("203.0.113.9").LoadBalancerSourceRanges("198.51.100.0/24", "192.168.0.0/16").Endpoints(8080, "10.254.1.5"))).FindTable("nat")!;
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules[2], Is.EqualTo(New().Dst("203.0.113.9").Comment("ns1/lb:http loadbalancer IP").Tcp(80).Jump(Fw)));
        ModelAssert.RulesAre(nat, Fw,
            New().Comment("ns1/lb:http loadbalancer IP").Jump(Masq),
            New().Src("198.51.100.0/24").Comment("ns1/lb:http loadbalancer IP").Jump(Svc),
            New().Src("192.168.0.0/16").Comment("ns1/lb:http loadbalancer IP").Jump(Svc),
            New().Src("203.0.113.9").Comment("ns1/lb:http loadbalancer IP").Jump(Svc),
            New().Comment("ns1/lb:http loadbalancer IP").Jump("KUBE-MARK-DROP"));
        ModelAssert.RulesAre(nat, "KUBE-NODEPORTS",
            New().Comment(N).Tcp(30082).Jump(Masq),
            New().Comment(N).Tcp(30082).Jump(Svc));
    }

    [Test]
    public void Local_policy_goes_through_the_xlb_chain_with_balancing_rules_and_affinity()
    {
        var nat = Compile(Lb(s => s.ExternalTrafficPolicy(TrafficPolicy.Local).LoadBalancerIngress("203.0.113.9")
            .SessionAffinity(SessionAffinity.ClientIP, 600)
            .Endpoint("10.254.1.5", e => e.Port("http", 8080).Node("node1"))
            .Endpoint("10.254.1.6", e => e.Port("http", 8080).Node("node1"))
            .Endpoint("10.254.2.7", e => e.Port("http", 8080).Node("node2"))
            .Endpoint("10.254.2.8", e => e.Port("http", 8080).Node("node1").Ready(false)))).FindTable("nat")!;

        ModelAssert.ChainsAre(nat, "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ",
            Svc, Xlb, Fw, Sep("10.254.1.5:8080"), Sep("10.254.1.6:8080"), Sep("10.254.2.7:8080"));
        ModelAssert.RulesAre(nat, Fw,
            New().Comment("ns1/lb:http loadbalancer IP").Jump(Xlb),
            New().Comment("ns1/lb:http loadbalancer IP").Jump("KUBE-MARK-DROP"));
        ModelAssert.RulesAre(nat, "KUBE-NODEPORTS",
            New().Src("127.0.0.0/8").Comment(N).Tcp(30082).Jump(Masq),
            New().Comment(N).Tcp(30082).Jump(Xlb));
        RecentMatch Check(string chain) => new RecentMatch { Command = RecentCommand.Check, Seconds = 600, Reap = true, Name = chain };
        ModelAssert.RulesAre(nat, Xlb,
            New().Src("10.254.0.0/16").Comment("Redirect pods trying to reach external loadbalancer VIP to clusterIP").Jump(Svc),
            New().Comment(N).Match(Check(Sep("10.254.1.5:8080"))).Jump(Sep("10.254.1.5:8080")),
            New().Comment(N).Match(Check(Sep("10.254.1.6:8080"))).Jump(Sep("10.254.1.6:8080")),
            New().Comment("Balancing rule 0 for ns1/lb:http").Probability("0.5").Jump(Sep("10.254.1.5:8080")),
            New().Comment("Balancing rule 1 for ns1/lb:http").Jump(Sep("10.254.1.6:8080")));
        ModelAssert.RulesAre(nat, Svc,
            New().Match(Check(Sep("10.254.1.5:8080"))).Jump(Sep("10.254.1.5:8080")),
            New().Match(Check(Sep("10.254.1.6:8080"))).Jump(Sep("10.254.1.6:8080")),
            New().Match(Check(Sep("10.254.2.7:8080"))).Jump(Sep("10.254.2.7:8080")),
            New().Probability("0.33333").Jump(Sep("10.254.1.5:8080")),
            New().Probability("0.5").Jump(Sep("10.254.1.6:8080")),
            New().Jump(Sep("10.254.2.7:8080")));
        ModelAssert.RulesAre(nat, Sep("10.254.1.5:8080"),
            New().Src("10.254.1.5").Jump(Masq),
            New().Match(new RecentMatch { Command = RecentCommand.Set, Name = Sep("10.254.1.5:8080") }).Tcp().Dnat("10.254.1.5", 8080));
    }

    [Test]
    public void Local_policy_without_local_endpoints_marks_for_drop_and_without_endpoints_leaves_an_empty_xlb()
    {
        var nat = Compile(Lb(s => s.ExternalTrafficPolicy(TrafficPolicy.Local).Endpoint("10.254.2.7", e => e.Port("http", 8080).Node("node2")))).FindTable("nat")!;
        ModelAssert.RulesAre(nat, Xlb,
            New().Src("10.254.0.0/16").Comment("Redirect pods trying to reach external loadbalancer VIP to clusterIP").Jump(Svc),
            New().Comment("ns1/lb:http has no local endpoints").Jump("KUBE-MARK-DROP"));

        var empty = Compile(Lb(s => s.ExternalTrafficPolicy(TrafficPolicy.Local).LoadBalancerIngress("203.0.113.9")));
        ModelAssert.RulesAre(empty.FindTable("nat")!, Xlb);
        ModelAssert.ChainsAre(empty.FindTable("nat")!, "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ", Xlb);
    }

    [Test]
    public void Services_without_endpoints_are_rejected_in_filter()
    {
        var filter = Compile(Lb(s => s.ExternalIPs("192.0.2.10").LoadBalancerIngress("203.0.113.9"))).FindTable("filter")!;
        ModelAssert.RulesAre(filter, "KUBE-SERVICES",
            New().Dst("10.96.0.50").Comment("ns1/lb:http has no endpoints").Tcp(80).Reject(),
            New().Dst("203.0.113.9").Comment("ns1/lb:http has no endpoints").Tcp(80).Reject());
        ModelAssert.RulesAre(filter, "KUBE-EXTERNAL-SERVICES",
            New().Dst("192.0.2.10").Comment("ns1/lb:http has no endpoints").Tcp(80).Reject(),
            New().Comment("ns1/lb:http has no endpoints").DstTypeLocal().Tcp(30082).Reject());
    }

    [Test]
    public void Filter_forward_chain_and_masquerade_all()
    {
        var rules = Compile(c => { Lb(s => s.Endpoints(8080, "10.254.1.5"))(c); c.MasqueradeAll().RandomFully(true); });
        ModelAssert.RulesAre(rules.FindTable("filter")!, "KUBE-FORWARD",
            New().CtState(ConntrackStates.Invalid).Drop(),
            New().Comment("kubernetes forwarding rules").Mark(0x4000, 0x4000).Accept(),
            New().Src("10.254.0.0/16").Comment("kubernetes forwarding conntrack pod source rule").CtState(ConntrackStates.Related | ConntrackStates.Established).Accept(),
            New().Dst("10.254.0.0/16").Comment("kubernetes forwarding conntrack pod destination rule").CtState(ConntrackStates.Related | ConntrackStates.Established).Accept());
        var nat = rules.FindTable("nat")!;
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules[0], Is.EqualTo(New().Dst("10.96.0.50").Comment("ns1/lb:http cluster IP").Tcp(80).Jump(Masq)));
        ModelAssert.RulesAre(nat, "KUBE-POSTROUTING", New().Comment("kubernetes service traffic requiring SNAT").Mark(0x4000, 0x4000).Masquerade(randomFully: true));
    }

    [Test]
    public void Node_port_addresses_give_one_tail_rule_per_node_address()
    {
        var nat = Compile(c => { Lb(s => s.Endpoints(8080, "10.254.1.5"))(c); c.NodeIP("10.0.0.5").NodePortAddresses("192.168.0.0/24", "10.0.0.0/8"); }).FindTable("nat")!;
        var tail = nat.FindChain("KUBE-SERVICES")!.Rules.Skip(2).ToArray();
        Assert.That(tail, Is.EqualTo(new[]
        {
            New().Dst("192.168.0.2").Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").Jump("KUBE-NODEPORTS"),
            New().Dst("10.0.0.5").Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").Jump("KUBE-NODEPORTS"),
        }));
    }

    [Test]
    public void Unnamed_ports_keep_the_colon_and_no_cluster_cidr_means_no_masquerade_rule()
    {
        var nat = Compile(c => c.KubeProxy(KubeProxyProfile.V1_12).Service("kys/my-nginx", s => s.ClusterIP("10.254.8.203").Port(80, Protocol.Tcp).Endpoints(80, "10.254.28.3"))).FindTable("nat")!;
        ModelAssert.RulesAre(nat, "KUBE-SERVICES",
            New().Dst("10.254.8.203").Comment("kys/my-nginx: cluster IP").Tcp(80).Jump("KUBE-SVC-BPMGLFJT3B65TD5S"),
            New().Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").DstTypeLocal().Jump("KUBE-NODEPORTS"));
    }
}
