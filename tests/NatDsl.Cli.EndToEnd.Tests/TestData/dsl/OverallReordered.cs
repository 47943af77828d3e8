using NatDsl.Dsl;
using NatDsl.Spec;

// The services of kube-proxy's TestOverallIPTablesRules, declared in another order than the
// expected output lists them (which is sorted by kube-proxy's sortIPTablesRules).
[NatRuleSet]
public static partial class OverallReordered
{
    static void Define(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.Current)
        .ClusterCidr("10.0.0.0/8")
        .NodePortRange(3001, 32767)
        .RandomFully(false)
        .Service("ns5/svc5", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("172.30.0.45")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3002)
            .LoadBalancerIngress("5.6.7.8")
            .LoadBalancerSourceRanges(" 203.0.113.0/25")
            .SessionAffinity(SessionAffinity.ClientIP, 10800)
            .Endpoints(80, "10.180.0.3"))
        .Service("ns1/svc1", svc => svc
            .ClusterIP("172.30.0.41")
            .Port("p80", 80, Protocol.Tcp)
            .Endpoints(80, "10.180.0.1"))
        .Service("ns2/svc2", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("172.30.0.42")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3001)
            .ExternalIPs("192.168.99.22")
            .LoadBalancerIngress("1.2.3.4")
            .ExternalTrafficPolicy(TrafficPolicy.Local)
            .HealthCheckNodePort(30000)
            .Endpoints(80, "10.180.0.2"))
        .Service("ns3/svc3", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("172.30.0.43")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3003)
            .Endpoints(80, "10.180.0.3"))
        .Service("ns4/svc4", svc => svc
            .ClusterIP("172.30.0.44")
            .Port("p80", 80, Protocol.Tcp)
            .ExternalIPs("192.168.99.33")
            .Endpoints(80, "10.180.0.4", "10.180.0.5"))
        .Service("ns6/svc6", svc => svc
            .ClusterIP("172.30.0.46")
            .Port("p80", 80, Protocol.Tcp));
}
