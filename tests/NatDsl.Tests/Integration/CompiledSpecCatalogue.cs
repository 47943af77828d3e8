using System.Collections.Generic;
using NatDsl.Dsl;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Tests.KubeProxy;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Cluster declarations that together cover both profiles and the compiler's service features,
/// for tests that load compiled rules into real iptables. It reuses the declarations of the
/// compiler's own tests (<see cref="SeedCluster"/>, <see cref="KubeProxyTestClusters"/>) and adds a
/// few. Every declaration switches nfacct off: <c>-m nfacct</c> needs accounting objects that a
/// fresh namespace does not have (kube-proxy only writes those rules when nfacct is usable), and
/// iptables-restore rejects the rule without them (No such file or directory).
/// </summary>
internal static class CompiledSpecCatalogue
{
    public static IReadOnlyList<CatalogueSpec> All { get; } = new[]
    {
        new CatalogueSpec("v1_12-seed", c => SeedCluster.Define(c.Nfacct(false)),
            "V1_12: the seed cluster (ClusterIP with 2-4 endpoints, NodePort, UDP+TCP kube-dns, flannel masquerade)"),
        new CatalogueSpec("v1_12-load-balancer", c => V1_12LoadBalancer(c.Nfacct(false)),
            "V1_12: LoadBalancer with source ranges (KUBE-FW), external IPs, Local policy (KUBE-XLB) with ClientIP affinity, not-ready endpoint, UDP NodePort, service without endpoints (REJECT), --random-fully"),
        new CatalogueSpec("current-overall", c => KubeProxyTestClusters.Overall(c.Nfacct(false)),
            "Current: kube-proxy's TestOverallIPTablesRules (LB Local with no local endpoints, LB with source ranges and affinity, NodePort, external IPs, no endpoints)"),
        new CatalogueSpec("current-bad-ips", c => KubeProxyTestClusters.BadIPs(c.Nfacct(false)),
            "Current: kube-proxy's TestBadIPs (normalised leading zeros, padded CIDR)"),
        new CatalogueSpec("current-policies-affinity-protocols", c => CurrentMix(c.Nfacct(false)),
            "Current: ClientIP affinity over 3 endpoints, terminating endpoints, SCTP and UDP ports, internal and external Local policy with local endpoints (KUBE-SVL), LB ranges incl. proxy ip mode, masquerade with --random-fully, liberal conntrack, ip-masq-agent"),
        new CatalogueSpec("current-ipv6", c => CurrentIpv6(c.Nfacct(false)),
            "Current IPv6: NodePort, LoadBalancer with source ranges, ClientIP affinity (/128 mask), Local policy, service without endpoints (icmp6 REJECT)"),
    };

    private static void V1_12LoadBalancer(ClusterBuilder c) => c
        .KubeProxy(KubeProxyProfile.V1_12).ClusterCidr("10.254.0.0/16").NodeName("node1").NodeIP("192.168.0.2").RandomFully(true)
        .Service("ns1/lb", s => s
            .Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.50").Port("http", 80, Protocol.Tcp, nodePort: 30082)
            .LoadBalancerIngress("203.0.113.9").LoadBalancerSourceRanges("198.51.100.0/24", "192.168.0.0/16")
            .ExternalIPs("192.0.2.10")
            .Endpoints(8080, "10.254.1.5", "10.254.2.7"))
        .Service("ns1/local", s => s
            .Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.51").Port("http", 80, Protocol.Tcp, nodePort: 30083)
            .ExternalTrafficPolicy(TrafficPolicy.Local).LoadBalancerIngress("203.0.113.10")
            .SessionAffinity(SessionAffinity.ClientIP, 600)
            .Endpoint("10.254.1.6", e => e.Port("http", 8080).Node("node1"))
            .Endpoint("10.254.1.7", e => e.Port("http", 8080).Node("node1"))
            .Endpoint("10.254.2.8", e => e.Port("http", 8080).Node("node2"))
            .Endpoint("10.254.2.9", e => e.Port("http", 8080).Node("node1").Ready(false)))
        .Service("ns1/dns", s => s
            .Type(ServiceType.NodePort).ClusterIP("10.96.0.10").Port("dns", 53, Protocol.Udp, nodePort: 30053)
            .Endpoints(53, "10.254.1.2"))
        .Service("ns1/empty", s => s.ClusterIP("10.96.0.60").Port("http", 80, Protocol.Tcp));

    private static void CurrentMix(ClusterBuilder c) => KubeProxyTestClusters.FakeProxier(c)
        .RandomFully(true).ConntrackTcpBeLiberal().NonMasqueradeCidrs("10.0.0.0/8")
        .Service("ns1/affinity", s => s
            .ClusterIP("172.30.0.41").Port("p80", 80, Protocol.Tcp)
            .SessionAffinity(SessionAffinity.ClientIP, 10800)
            .Endpoints(80, "10.0.1.1", "10.0.1.2", "10.0.1.3"))
        .Service("ns1/terminating", s => s
            .ClusterIP("172.30.0.42").Port("p80", 80, Protocol.Tcp)
            .Endpoint("10.0.2.1", e => e.Port("p80", 80).Ready(false).Serving(true).Terminating(true))
            .Endpoint("10.0.2.2", e => e.Port("p80", 80).Ready(false).Serving(false).Terminating(true)))
        .Service("ns1/protocols", s => s
            .Type(ServiceType.NodePort).ClusterIP("172.30.0.43")
            .Port("dns", 53, Protocol.Udp, nodePort: 3053).Port("sig", 5000, Protocol.Sctp, nodePort: 3054)
            .Endpoint("10.0.3.1", e => e.Port("dns", 53).Port("sig", 5001)))
        .Service("ns1/internal-local", s => s
            .ClusterIP("172.30.0.44").Port("p80", 80, Protocol.Tcp).InternalTrafficPolicy(TrafficPolicy.Local)
            .Endpoint("10.0.4.1", e => e.Port("p80", 80).Node("test-node"))
            .Endpoint("10.0.4.2", e => e.Port("p80", 80).Node("node1")))
        .Service("ns1/external-local", s => s
            .Type(ServiceType.LoadBalancer).ClusterIP("172.30.0.45").Port("p80", 80, Protocol.Tcp, nodePort: 3005)
            .ExternalTrafficPolicy(TrafficPolicy.Local).HealthCheckNodePort(30005)
            .LoadBalancerIngress("1.2.3.4", LoadBalancerIPMode.Proxy).LoadBalancerIngress("5.6.7.8")
            .LoadBalancerSourceRanges("192.168.0.0/24", "203.0.113.0/25")
            .ExternalIPs("192.168.99.44")
            .Endpoint("10.0.5.1", e => e.Port("p80", 80).Node("test-node"))
            .Endpoint("10.0.5.2", e => e.Port("p80", 80).Node("test-node").Ready(false).Terminating(true))
            .Endpoint("10.0.5.3", e => e.Port("p80", 80).Node("node1")));

    private static void CurrentIpv6(ClusterBuilder c) => c
        .IPFamily(IpFamily.V6).NodeName("test-node").NodeIP("2001:db8::1").ClusterCidr("fd00:10::/64").NodePortRange(3000, 32767)
        .Service("ns1/svc1", s => s
            .Type(ServiceType.NodePort).ClusterIP("fd00:172:30::41").Port("p80", 80, Protocol.Tcp, nodePort: 3001)
            .SessionAffinity(SessionAffinity.ClientIP)
            .Endpoints(80, "fd00:10:180::1", "fd00:10:180::2"))
        .Service("ns2/svc2", s => s.ClusterIP("fd00:172:30::42").Port("p80", 80, Protocol.Tcp))
        .Service("ns3/lb", s => s
            .Type(ServiceType.LoadBalancer).ClusterIP("fd00:172:30::43").Port("https", 443, Protocol.Tcp, nodePort: 3443)
            .ExternalTrafficPolicy(TrafficPolicy.Local).LoadBalancerIngress("2001:db8:ffff::10")
            .LoadBalancerSourceRanges("2001:db8:1::/48")
            .Endpoint("fd00:10:180::3", e => e.Port("https", 8443).Node("test-node"))
            .Endpoint("fd00:10:180::4", e => e.Port("https", 8443).Node("node1")));
}
