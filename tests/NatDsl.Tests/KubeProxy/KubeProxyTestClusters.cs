using NatDsl.Dsl;
using NatDsl.Spec;

namespace NatDsl.Tests.KubeProxy;

/// <summary>
/// The services of kube-proxy's own whole-dump unit tests (pkg/proxy/iptables/proxier_test.go),
/// declared in the DSL on a node configured like its NewFakeProxier: node "test-node" at
/// 192.168.0.2, pod CIDR 10.0.0.0/8, mark 0x4000, localhost NodePorts, all nfacct counters,
/// no --random-fully.
/// </summary>
internal static class KubeProxyTestClusters
{
    public static ClusterBuilder FakeProxier(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.Current)
        .NodeName("test-node")
        .NodeIP("192.168.0.2")
        .NodeIP("192.168.1.2")
        .NodeIP("192.168.99.11")
        .ClusterCidr("10.0.0.0/8")
        .RandomFully(false)
        .NodePortRange(3000, 32767);

    /// <summary>TestOverallIPTablesRules.</summary>
    public static void Overall(ClusterBuilder cluster) => FakeProxier(cluster)
        .Service("ns1/svc1", svc => svc
            .ClusterIP("172.30.0.41")
            .Port("p80", 80, Protocol.Tcp)
            .Endpoints(80, "10.180.0.1"))
        .Service("ns2/svc2", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ExternalTrafficPolicy(TrafficPolicy.Local)
            .ClusterIP("172.30.0.42")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3001)
            .LoadBalancerIngress("1.2.3.4")
            .ExternalIPs("192.168.99.22")
            .HealthCheckNodePort(30000)
            .Endpoints(80, "10.180.0.2"))
        .Service("ns3/svc3", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("172.30.0.43")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3003)
            .Endpoints(80, "10.180.0.3"))
        .Service("ns4/svc4", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("172.30.0.44")
            .ExternalIPs("192.168.99.33")
            .Port("p80", 80, Protocol.Tcp, targetPort: 80)
            .Endpoints(80, "10.180.0.4")
            .Endpoint("10.180.0.5", e => e.Port("p80", 80).Node("test-node")))
        .Service("ns5/svc5", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ExternalTrafficPolicy(TrafficPolicy.Cluster)
            .ClusterIP("172.30.0.45")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3002)
            .LoadBalancerIngress("5.6.7.8")
            .HealthCheckNodePort(30000)
            .LoadBalancerSourceRanges(" 203.0.113.0/25")
            .SessionAffinity(SessionAffinity.ClientIP, timeoutSeconds: 10800)
            .Endpoints(80, "10.180.0.3"))
        .Service("ns6/svc6", svc => svc
            .Type(ServiceType.ClusterIP)
            .ClusterIP("172.30.0.46")
            .Port("p80", 80, Protocol.Tcp, targetPort: 80));

    /// <summary>TestSyncProxyRulesRepeated, first (full) sync.</summary>
    public static void Repeated(ClusterBuilder cluster) => FakeProxier(cluster)
        .Service("ns1/svc1", svc => svc.ClusterIP("172.30.0.41").Port("p80", 80, Protocol.Tcp).Endpoints(80, "10.0.1.1"))
        .Service("ns2/svc2", svc => svc.ClusterIP("172.30.0.42").Port("p8080", 8080, Protocol.Tcp).Endpoints(8080, "10.0.2.1"));

    /// <summary>TestBadIPs: leading zeros and a padded CIDR are normalised.</summary>
    public static void BadIPs(ClusterBuilder cluster) => FakeProxier(cluster)
        .Service("ns1/svc1", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("172.30.0.041")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3001)
            .LoadBalancerIngress("1.2.3.004")
            .ExternalIPs("192.168.099.022")
            .LoadBalancerSourceRanges("203.0.113.000/025")
            .Endpoints(80, "10.180.00.001"));
}
