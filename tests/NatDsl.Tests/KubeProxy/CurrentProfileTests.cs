using System;
using System.Linq;
using NatDsl.Dsl;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;
using static NatDsl.Tests.KubeProxy.ExpectedRule;

namespace NatDsl.Tests.KubeProxy;

/// <summary>Current-profile behaviour at model level (rule texts from kube-proxy-current.md and kube-proxy's tests).</summary>
public class CurrentProfileTests
{
    private const string Masq = "KUBE-MARK-MASQ";

    private static RuleSet Compile(Action<ClusterBuilder> define, bool selfContained = false) =>
        KubeProxyCompiler.Compile(ClusterSpec.Build(define), new CompileOptions { SelfContained = selfContained });

    private static Table Nat(Action<ClusterBuilder> define) => Compile(define).FindTable("nat")!;

    private static Table Filter(Action<ClusterBuilder> define) => Compile(define).FindTable("filter")!;

    private static Action<ClusterBuilder> With(Action<ClusterBuilder> settings, Action<ServiceBuilder> service) => c =>
    {
        KubeProxyTestClusters.FakeProxier(c);
        settings(c);
        c.Service("ns1/svc1", s => { s.ClusterIP("172.30.0.41").Port("p80", 80, Protocol.Tcp); service(s); });
    };

    [Test]
    public void Restore_content_declares_chains_in_kube_proxy_order()
    {
        var rules = Compile(KubeProxyTestClusters.Overall);
        ModelAssert.ChainsAre(rules.FindTable("filter")!, "KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES", "KUBE-FORWARD", "KUBE-NODEPORTS", "KUBE-PROXY-FIREWALL", "KUBE-FIREWALL");
        ModelAssert.ChainsAre(rules.FindTable("nat")!,
            "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ",
            "KUBE-SVC-XPGD46QRK7WJZT7O", "KUBE-SEP-SXIVWICOYRO3J4NJ",
            "KUBE-EXT-GNZBNJ2PO5MGZ6GT", "KUBE-SVC-GNZBNJ2PO5MGZ6GT", "KUBE-SEP-RS4RBKLTHTF2IUXJ",
            "KUBE-EXT-X27LE4BHSL4DOUIK", "KUBE-SVC-X27LE4BHSL4DOUIK", "KUBE-SEP-OYPFS5VJICHGATKP",
            "KUBE-EXT-4SW47YFZTEDKD3PK", "KUBE-SVC-4SW47YFZTEDKD3PK", "KUBE-SEP-UKSFD7AGPMPPLUHC", "KUBE-SEP-C6EBXVWJJZMIWKLZ",
            "KUBE-EXT-NUKIZ6OKUXPJNT4C", "KUBE-FW-NUKIZ6OKUXPJNT4C", "KUBE-SVC-NUKIZ6OKUXPJNT4C", "KUBE-SEP-I77PXRDZVX7PMWMN");
    }

    [Test]
    public void Load_balancer_with_source_ranges_and_affinity_is_the_worked_example()
    {
        var nat = Nat(KubeProxyTestClusters.Overall);
        const string svc = "KUBE-SVC-NUKIZ6OKUXPJNT4C", ext = "KUBE-EXT-NUKIZ6OKUXPJNT4C", sep = "KUBE-SEP-I77PXRDZVX7PMWMN";
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules.Where(r => r.Matches[0] is CommentMatch c && c.Text.StartsWith("ns5/", StringComparison.Ordinal)).ToArray(), Is.EqualTo(new[]
        {
            New().Dst("172.30.0.45").Comment("ns5/svc5:p80 cluster IP").Tcp(80).Jump(svc),
            New().Dst("5.6.7.8").Comment("ns5/svc5:p80 loadbalancer IP").Tcp(80).Jump("KUBE-FW-NUKIZ6OKUXPJNT4C"),
        }));
        Assert.That(nat.FindChain("KUBE-NODEPORTS")!.Rules.Skip(4).ToArray(), Is.EqualTo(new[]
        {
            New().Dst("127.0.0.0/8").Comment("ns5/svc5:p80").Tcp(3002).Match(new NfacctMatch("localhost_nps_accepted_pkts")).Jump(ext),
            New().Comment("ns5/svc5:p80").Tcp(3002).Jump(ext),
        }));
        ModelAssert.RulesAre(nat, svc,
            New().Src("!10.0.0.0/8").Dst("172.30.0.45").Comment("ns5/svc5:p80 cluster IP").Tcp(80).Jump(Masq),
            New().Comment("ns5/svc5:p80 -> 10.180.0.3:80").Match(new RecentMatch { Command = RecentCommand.Check, Seconds = 10800, Reap = true, Name = sep }).Jump(sep),
            New().Comment("ns5/svc5:p80 -> 10.180.0.3:80").Jump(sep));
        ModelAssert.RulesAre(nat, ext,
            New().Comment("masquerade traffic for ns5/svc5:p80 external destinations").Jump(Masq),
            New().Jump(svc));
        ModelAssert.RulesAre(nat, "KUBE-FW-NUKIZ6OKUXPJNT4C",
            New().Src("203.0.113.0/25").Comment("ns5/svc5:p80 loadbalancer IP").Jump(ext),
            New().Comment("other traffic to ns5/svc5:p80 will be dropped by KUBE-PROXY-FIREWALL").NoTarget());
        ModelAssert.RulesAre(nat, sep,
            New().Src("10.180.0.3").Comment("ns5/svc5:p80").Jump(Masq),
            New().Comment("ns5/svc5:p80").Match(new RecentMatch { Command = RecentCommand.Set, Name = sep }).Tcp().Dnat("10.180.0.3", 80));
        ModelAssert.RulesAre(Filter(KubeProxyTestClusters.Overall), "KUBE-PROXY-FIREWALL",
            New().Dst("5.6.7.8").Comment("ns5/svc5:p80 traffic not accepted by KUBE-FW-NUKIZ6OKUXPJNT4C").Tcp(80).Drop());
    }

    [Test]
    public void Local_policy_without_local_endpoints_short_circuits_and_drops_the_rest()
    {
        var nat = Nat(KubeProxyTestClusters.Overall);
        ModelAssert.RulesAre(nat, "KUBE-EXT-GNZBNJ2PO5MGZ6GT",
            New().Src("10.0.0.0/8").Comment("pod traffic for ns2/svc2:p80 external destinations").Jump("KUBE-SVC-GNZBNJ2PO5MGZ6GT"),
            New().Comment("masquerade LOCAL traffic for ns2/svc2:p80 external destinations").SrcTypeLocal().Jump(Masq),
            New().Comment("route LOCAL traffic for ns2/svc2:p80 external destinations").SrcTypeLocal().Jump("KUBE-SVC-GNZBNJ2PO5MGZ6GT"));
        Assert.That(nat.FindChain("KUBE-SVL-GNZBNJ2PO5MGZ6GT"), Is.Null);
        var filter = Filter(KubeProxyTestClusters.Overall);
        ModelAssert.RulesAre(filter, "KUBE-EXTERNAL-SERVICES",
            New().Dst("192.168.99.22").Comment("ns2/svc2:p80 has no local endpoints").Tcp(80).Drop(),
            New().Dst("1.2.3.4").Comment("ns2/svc2:p80 has no local endpoints").Tcp(80).Drop(),
            New().Comment("ns2/svc2:p80 has no local endpoints").DstTypeLocal().Tcp(3001).Drop());
        ModelAssert.RulesAre(filter, "KUBE-NODEPORTS", New().Comment("ns2/svc2:p80 health check node port").Tcp(30000).Accept());
    }

    [Test]
    public void Service_without_endpoints_only_rejects()
    {
        var rules = Compile(KubeProxyTestClusters.Overall);
        ModelAssert.RulesAre(rules.FindTable("filter")!, "KUBE-SERVICES", New().Dst("172.30.0.46").Comment("ns6/svc6:p80 has no endpoints").Tcp(80).Reject());
        Assert.That(rules.FindTable("nat")!.Chains.SelectMany(c => c.Rules).Any(r => r.Matches.OfType<CommentMatch>().Any(m => m.Text.Contains("ns6/", StringComparison.Ordinal))), Is.False);
    }

    [Test]
    public void Fixed_rules()
    {
        var rules = Compile(KubeProxyTestClusters.Overall);
        var nat = rules.FindTable("nat")!;
        ModelAssert.RulesAre(nat, "KUBE-POSTROUTING",
            New().Mark(0x4000, 0x4000, inverted: true).Return(),
            New().Build(MarkTarget.Xor(0x4000)),
            New().Comment("kubernetes service traffic requiring SNAT").Masquerade());
        ModelAssert.RulesAre(nat, "KUBE-MARK-MASQ", New().MarkOr(0x4000));
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules.Last(), Is.EqualTo(
            New().Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").DstTypeLocal().Jump("KUBE-NODEPORTS")));
        var filter = rules.FindTable("filter")!;
        ModelAssert.RulesAre(filter, "KUBE-FIREWALL",
            New().Src("!127.0.0.0/8").Dst("127.0.0.0/8").Comment("block incoming localnet connections")
                .CtState(ConntrackStates.Related | ConntrackStates.Established | ConntrackStates.Dnat, inverted: true).Drop());
        ModelAssert.RulesAre(filter, "KUBE-FORWARD",
            New().CtState(ConntrackStates.Invalid).Match(new NfacctMatch("ct_state_invalid_dropped_pkts")).Drop(),
            New().Comment("kubernetes forwarding rules").Mark(0x4000, 0x4000).Accept(),
            New().Comment("kubernetes forwarding conntrack rule").CtState(ConntrackStates.Related | ConntrackStates.Established).Accept());
    }

    [Test]
    public void Random_fully_liberal_conntrack_and_no_nfacct()
    {
        var rules = Compile(With(c => c.RandomFully(true).ConntrackTcpBeLiberal().Nfacct(false), s => s.Type(ServiceType.NodePort).Port("np", 81, Protocol.Tcp, nodePort: 3001).Endpoint("10.1.1.1", e => e.Port("np", 81).Port("p80", 80))));
        Assert.That(rules.FindTable("nat")!.FindChain("KUBE-POSTROUTING")!.Rules[2].Target, Is.EqualTo(new MasqueradeTarget(RandomFully: true)));
        ModelAssert.RulesAre(rules.FindTable("filter")!, "KUBE-FORWARD",
            New().Comment("kubernetes forwarding rules").Mark(0x4000, 0x4000).Accept(),
            New().Comment("kubernetes forwarding conntrack rule").CtState(ConntrackStates.Related | ConntrackStates.Established).Accept());
        Assert.That(rules.FindTable("nat")!.FindChain("KUBE-NODEPORTS")!.Rules.Count, Is.EqualTo(1), "no localhost nfacct rule without nfacct");
    }

    [Test]
    public void Internal_local_policy_without_local_endpoints_drops_cluster_ip_traffic()
    {
        var define = With(_ => { }, s => s.InternalTrafficPolicy(TrafficPolicy.Local)
            .Endpoint("10.0.1.1", e => e.Port("p80", 80).Node("node0"))
            .Endpoint("10.0.1.2", e => e.Port("p80", 80).Node("node1")));
        var rules = Compile(define);
        ModelAssert.RulesAre(rules.FindTable("filter")!, "KUBE-SERVICES", New().Dst("172.30.0.41").Comment("ns1/svc1:p80 has no local endpoints").Tcp(80).Drop());
        ModelAssert.RulesAre(rules.FindTable("nat")!, "KUBE-SERVICES",
            New().Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").DstTypeLocal().Jump("KUBE-NODEPORTS"));
        ModelAssert.ChainsAre(rules.FindTable("nat")!, "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ");
    }

    [Test]
    public void Internal_local_policy_uses_the_local_chain()
    {
        var nat = Nat(With(_ => { }, s => s.InternalTrafficPolicy(TrafficPolicy.Local)
            .Endpoint("10.0.1.1", e => e.Port("p80", 80).Node("test-node"))
            .Endpoint("10.0.1.2", e => e.Port("p80", 80).Node("node1"))));
        var svl = ChainHashing.LocalServiceChain("ns1/svc1:p80", "tcp");
        var sep = ChainHashing.EndpointChain("ns1/svc1:p80", "tcp", "10.0.1.1:80");
        ModelAssert.ChainsAre(nat, "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ", svl, sep);
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules[0].Target, Is.EqualTo(new JumpTarget(svl)));
        ModelAssert.RulesAre(nat, svl,
            New().Src("!10.0.0.0/8").Dst("172.30.0.41").Comment("ns1/svc1:p80 cluster IP").Tcp(80).Jump(Masq),
            New().Comment("ns1/svc1:p80 -> 10.0.1.1:80").Jump(sep));
    }

    [Test]
    public void Terminating_endpoints_are_a_fallback_per_policy()
    {
        // No ready endpoint anywhere: serving+terminating ones are used, non-serving ones never.
        var plan = KubeProxyCompiler.Plan(ClusterSpec.Build(With(_ => { }, s => s
            .Endpoint("10.0.1.2", e => e.Port("p80", 80).Ready(false).Serving(true).Terminating(true))
            .Endpoint("10.0.1.3", e => e.Port("p80", 80).Ready(false).Serving(false).Terminating(true)))));
        var port = plan.ServicePorts[0];
        Assert.That(port.ClusterEndpoints.Select(e => e.Endpoint), Is.EqualTo(new[] { "10.0.1.2:80" }));
        Assert.That(port.HasEndpoints, Is.True);

        // Local policy: local ready endpoints win over local terminating ones; cluster keeps every ready one.
        plan = KubeProxyCompiler.Plan(ClusterSpec.Build(With(_ => { }, s => s
            .Type(ServiceType.LoadBalancer).ExternalTrafficPolicy(TrafficPolicy.Local).LoadBalancerIngress("1.2.3.4")
            .Endpoint("10.0.1.1", e => e.Port("p80", 80).Node("test-node"))
            .Endpoint("10.0.1.3", e => e.Port("p80", 80).Node("test-node").Ready(false).Terminating(true))
            .Endpoint("10.0.1.5", e => e.Port("p80", 80).Node("node-1")))));
        port = plan.ServicePorts[0];
        Assert.That(port.ClusterEndpoints.Select(e => e.Endpoint), Is.EqualTo(new[] { "10.0.1.1:80", "10.0.1.5:80" }));
        Assert.That(port.LocalEndpoints.Select(e => e.Endpoint), Is.EqualTo(new[] { "10.0.1.1:80" }));
        Assert.That(port.ReachableEndpoints.Select(e => e.Endpoint), Is.EqualTo(new[] { "10.0.1.1:80", "10.0.1.5:80" }));

        // Only terminating local endpoints: the local list falls back to them and the lists are merged.
        plan = KubeProxyCompiler.Plan(ClusterSpec.Build(With(_ => { }, s => s
            .Type(ServiceType.LoadBalancer).ExternalTrafficPolicy(TrafficPolicy.Local).LoadBalancerIngress("1.2.3.4")
            .Endpoint("10.0.1.2", e => e.Port("p80", 80).Node("test-node").Ready(false).Terminating(true))
            .Endpoint("10.0.1.5", e => e.Port("p80", 80).Node("node-1")))));
        port = plan.ServicePorts[0];
        Assert.That(port.LocalEndpoints.Select(e => e.Endpoint), Is.EqualTo(new[] { "10.0.1.2:80" }));
        Assert.That(port.ReachableEndpoints.Select(e => e.Endpoint), Is.EquivalentTo(new[] { "10.0.1.5:80", "10.0.1.2:80" }));
        Assert.That(port.UsesLocalChain && port.UsesClusterChain && port.HasExternalEndpoints, Is.True);
    }

    [Test]
    public void Endpoints_sort_by_endpoint_string_and_duplicates_prefer_non_terminating()
    {
        var plan = KubeProxyCompiler.Plan(ClusterSpec.Build(With(_ => { }, s => s
            .Endpoint("10.1.1.1", e => e.Port("p80", 80).Ready(false).Terminating(true))
            .Endpoints(80, "10.1.1.11", "10.1.1.1", "10.1.1.2"))));
        var endpoints = plan.ServicePorts[0].Endpoints;
        Assert.That(endpoints.Select(e => e.Endpoint), Is.EqualTo(new[] { "10.1.1.11:80", "10.1.1.1:80", "10.1.1.2:80" }), "plain string order: '1' sorts before ':'");
        Assert.That(endpoints[1].Ready, Is.True, "the later non-terminating duplicate replaced the first");
    }

    [Test]
    public void Probabilities_use_ten_decimals()
    {
        var nat = Nat(With(_ => { }, s => s.Endpoints(80, "10.0.0.1", "10.0.0.2", "10.0.0.3")));
        var statistics = nat.FindChain(ChainHashing.ServiceChain("ns1/svc1:p80", "tcp"))!.Rules.SelectMany(r => r.Matches.OfType<StatisticMatch>()).ToArray();
        Assert.That(statistics, Is.EqualTo(new[] { StatisticMatch.Random(0.3333333333), StatisticMatch.Random(0.5) }));
        Assert.That(statistics[0], Is.Not.EqualTo(StatisticMatch.Random(0.33333)));
    }

    [Test]
    public void Large_clusters_drop_endpoint_comments()
    {
        var addresses = Enumerable.Range(0, 1001).Select(i => "10.0." + (i % 256) + "." + (i / 256)).ToArray();
        var nat = Nat(With(_ => { }, s => s.Endpoints(80, addresses)));
        var sep = ChainHashing.EndpointChain("ns1/svc1:p80", "tcp", "10.0.0.0:80");
        Assert.That(sep, Is.EqualTo("KUBE-SEP-DKGQUZGBKLTPAR56"));
        ModelAssert.RulesAre(nat, sep, New().Src("10.0.0.0").Jump(Masq), New().Tcp().Dnat("10.0.0.0", 80));
        var svc = nat.FindChain("KUBE-SVC-XPGD46QRK7WJZT7O")!;
        Assert.That(svc.Rules[0].Matches[0], Is.EqualTo(new CommentMatch("ns1/svc1:p80 cluster IP")), "the masquerade rule keeps its comment");
        Assert.That(svc.Rules.Skip(1).All(r => !r.Matches.OfType<CommentMatch>().Any()), Is.True);
        Assert.That(svc.Rules.Count, Is.EqualTo(1002));
    }

    [Test]
    public void Masquerade_all_and_no_local_detector()
    {
        var all = Nat(With(c => c.MasqueradeAll(), s => s.Endpoints(80, "10.0.1.1")));
        Assert.That(all.FindChain("KUBE-SVC-XPGD46QRK7WJZT7O")!.Rules[0], Is.EqualTo(New().Dst("172.30.0.41").Comment("ns1/svc1:p80 cluster IP").Tcp(80).Jump(Masq)));

        void NoCidr(ClusterBuilder c) => c.NodeName("test-node").NodeIP("192.168.0.2").NodePortRange(3000, 32767)
            .Service("ns1/svc1", s => s.Type(ServiceType.NodePort).ExternalTrafficPolicy(TrafficPolicy.Local).ClusterIP("172.30.0.41")
                .Port("p80", 80, Protocol.Tcp, nodePort: 3001).Endpoint("10.0.1.1", e => e.Port("p80", 80).Node("test-node")));
        var nat = Nat(NoCidr);
        ModelAssert.RulesAre(nat, "KUBE-SVC-XPGD46QRK7WJZT7O", New().Comment("ns1/svc1:p80 -> 10.0.1.1:80").Jump("KUBE-SEP-SNQ3ZNILQDEJNDQO"));
        ModelAssert.RulesAre(nat, "KUBE-EXT-XPGD46QRK7WJZT7O",
            New().Comment("masquerade LOCAL traffic for ns1/svc1:p80 external destinations").SrcTypeLocal().Jump(Masq),
            New().Comment("route LOCAL traffic for ns1/svc1:p80 external destinations").SrcTypeLocal().Jump("KUBE-SVC-XPGD46QRK7WJZT7O"),
            New().Jump("KUBE-SVL-XPGD46QRK7WJZT7O"));
    }

    [Test]
    public void Node_port_addresses_and_localhost_node_ports_shape_the_tail()
    {
        var tail = Nat(With(c => c.LocalhostNodePorts(false), s => s.Endpoints(80, "10.0.1.1"))).FindChain("KUBE-SERVICES")!.Rules.Last();
        Assert.That(tail, Is.EqualTo(New().Dst("!127.0.0.0/8").Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").DstTypeLocal().Jump("KUBE-NODEPORTS")));

        var rules = Compile(With(c => c.NodePortAddresses("192.168.0.0/24", "2001:db8::/64"), s => s.Type(ServiceType.NodePort).Port("np", 81, Protocol.Tcp, nodePort: 3001)
            .Endpoint("10.0.1.1", e => e.Port("p80", 80).Port("np", 81))));
        var nat = rules.FindTable("nat")!;
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules.Last(), Is.EqualTo(
            New().Dst("192.168.0.2").Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").Jump("KUBE-NODEPORTS")));
        Assert.That(nat.FindChain("KUBE-NODEPORTS")!.Rules.Count, Is.EqualTo(1), "localhost NodePorts are off when the addresses exclude loopback");
        Assert.That(rules.FindTable("filter")!.FindChain("KUBE-FIREWALL"), Is.Null);

        var withLoopback = Nat(With(c => c.NodePortAddresses("192.168.0.0/24", "127.0.0.0/8"), s => s.Endpoints(80, "10.0.1.1")));
        Assert.That(withLoopback.FindChain("KUBE-SERVICES")!.Rules.Skip(1).Select(r => r.Destination!.Value.ToString()), Is.EqualTo(new[] { "192.168.0.2/32", "127.0.0.1/32" }));
    }

    [Test]
    public void Load_balancer_ip_mode_proxy_gets_no_rule_and_node_ip_in_range_allows_the_vip()
    {
        var nat = Nat(With(_ => { }, s => s.Type(ServiceType.LoadBalancer)
            .LoadBalancerIngress("1.2.3.4", LoadBalancerIPMode.Proxy).LoadBalancerIngress("5.6.7.8")
            .LoadBalancerSourceRanges("192.168.0.0/24", "203.0.113.0/25").Endpoints(80, "10.180.0.1")));
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules.Any(r => r.Destination?.Value == IpNetwork.Parse("1.2.3.4")), Is.False);
        ModelAssert.RulesAre(nat, "KUBE-FW-XPGD46QRK7WJZT7O",
            New().Src("192.168.0.0/24").Comment("ns1/svc1:p80 loadbalancer IP").Jump("KUBE-EXT-XPGD46QRK7WJZT7O"),
            New().Src("203.0.113.0/25").Comment("ns1/svc1:p80 loadbalancer IP").Jump("KUBE-EXT-XPGD46QRK7WJZT7O"),
            New().Src("5.6.7.8").Comment("ns1/svc1:p80 loadbalancer IP").Jump("KUBE-EXT-XPGD46QRK7WJZT7O"),
            New().Comment("other traffic to ns1/svc1:p80 will be dropped by KUBE-PROXY-FIREWALL").NoTarget());
    }

    [Test]
    public void Ipv6_brackets_endpoints_and_skips_ipv4_only_rules()
    {
        var rules = Compile(c => c.IPFamily(IpFamily.V6).NodeName("test-node").NodeIP("2001:db8::1").ClusterCidr("fd00:10::/64").NodePortRange(3000, 32767)
            .Service("ns1/svc1", s => s.Type(ServiceType.NodePort).ClusterIP("fd00:172:30::41").Port("p80", 80, Protocol.Tcp, nodePort: 3001)
                .Endpoints(80, "fd00:10:180::1"))
            .Service("ns2/svc2", s => s.ClusterIP("fd00:172:30::42").Port("p80", 80, Protocol.Tcp)));
        var nat = rules.FindTable("nat")!;
        var sep = ChainHashing.EndpointChain("ns1/svc1:p80", "tcp", "[fd00:10:180::1]:80");
        ModelAssert.RulesAre(nat, sep,
            New().Src("fd00:10:180::1").Comment("ns1/svc1:p80").Jump(Masq),
            New().Comment("ns1/svc1:p80").Tcp().Dnat("fd00:10:180::1", 80));
        ModelAssert.RulesAre(nat, "KUBE-SVC-XPGD46QRK7WJZT7O",
            New().Src("!fd00:10::/64").Dst("fd00:172:30::41").Comment("ns1/svc1:p80 cluster IP").Tcp(80).Jump(Masq),
            New().Comment("ns1/svc1:p80 -> [fd00:10:180::1]:80").Jump(sep));
        ModelAssert.RulesAre(nat, "KUBE-NODEPORTS", New().Comment("ns1/svc1:p80").Tcp(3001).Jump("KUBE-EXT-XPGD46QRK7WJZT7O"));
        Assert.That(nat.FindChain("KUBE-SERVICES")!.Rules.Last(), Is.EqualTo(
            New().Dst("!::1/128").Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").DstTypeLocal().Jump("KUBE-NODEPORTS")));
        var filter = rules.FindTable("filter")!;
        Assert.That(filter.FindChain("KUBE-FIREWALL"), Is.Null);
        ModelAssert.RulesAre(filter, "KUBE-SERVICES", New().Dst("fd00:172:30::42").Comment("ns2/svc2:p80 has no endpoints").Tcp(80).Build(new RejectTarget("icmp6-port-unreachable")));
        Assert.That(rules.Family, Is.EqualTo(IpFamily.V6));
    }

    [Test]
    public void Ipv6_affinity_uses_a_128_bit_mask()
    {
        var nat = Nat(c => c.IPFamily(IpFamily.V6).ClusterCidr("fd00:10::/64")
            .Service("ns1/svc1", s => s.ClusterIP("fd00:172:30::41").Port("p80", 80, Protocol.Tcp).SessionAffinity(SessionAffinity.ClientIP).Endpoints(80, "fd00:10:180::1")));
        var recent = nat.Chains.SelectMany(c => c.Rules).SelectMany(r => r.Matches.OfType<RecentMatch>()).ToArray();
        Assert.That(recent.Length, Is.EqualTo(2));
        Assert.That(recent.All(r => r.Mask == IpAddress.MaskOf(IpFamily.V6, 128)), Is.True);
    }

    [Test]
    public void Sctp_and_udp_ports()
    {
        var nat = Nat(With(_ => { }, s => s.Port("dns", 53, Protocol.Udp).Port("sig", 5000, Protocol.Sctp)
            .Endpoint("10.0.1.1", e => e.Port("p80", 80).Port("dns", 53).Port("sig", 5001))));
        var rules = nat.FindChain("KUBE-SERVICES")!.Rules;
        Assert.That(rules[1], Is.EqualTo(New().Dst("172.30.0.41").Comment("ns1/svc1:dns cluster IP").Udp(53).Jump(ChainHashing.ServiceChain("ns1/svc1:dns", "udp"))));
        Assert.That(rules[2], Is.EqualTo(New().Dst("172.30.0.41").Comment("ns1/svc1:sig cluster IP").Sctp(5000).Jump(ChainHashing.ServiceChain("ns1/svc1:sig", "sctp"))));
        ModelAssert.RulesAre(nat, ChainHashing.EndpointChain("ns1/svc1:sig", "sctp", "10.0.1.1:5001"),
            New().Src("10.0.1.1").Comment("ns1/svc1:sig").Jump(Masq),
            New().Comment("ns1/svc1:sig").Sctp().Dnat("10.0.1.1", 5001));
    }
}
