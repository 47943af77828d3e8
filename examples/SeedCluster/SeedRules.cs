using NatDsl.Dsl;
using NatDsl.Spec;

namespace SeedCluster;

/// <summary>
/// The cluster behind golden/seed.listing.txt: a kube-proxy 1.12–1.16 node with flannel. The
/// generator turns Define into the restore script and the rule model at compile time, and
/// compares the node's rules with the golden dump (warning NATDSL009 on any difference).
/// </summary>
[NatRuleSet(Golden = "golden/seed.listing.txt")]
public static partial class SeedRules
{
    static void Define(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.V1_12)          // rule shape of kube-proxy 1.12–1.16, as in the seed
        .ClusterCidr("10.254.0.0/16")               // --cluster-cidr: masquerade what comes from outside it
        .NodePortRange(30000, 35000)
        .RandomFully(false)                         // flannel of that era wrote MASQUERADE without --random-fully
        .Service("kys/my-nginx", svc => svc
            .ClusterIP("10.254.8.203")
            .Port(80, Protocol.Tcp)
            .Endpoints(80, "10.254.98.2", "10.254.28.3"))
        .Service("kys/dnsutils-ds", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("10.254.212.225")
            .Port("http", 80, Protocol.Tcp, nodePort: 34573)
            .Endpoints(80, "10.254.28.4", "10.254.98.3"))
        .Service("kys/service-test", svc => svc
            .ClusterIP("10.254.82.218")
            .Port(8088, Protocol.Tcp, targetPort: 8080)
            .Endpoints(8080, "10.254.98.5", "10.254.28.6", "10.254.98.4", "10.254.28.7"))
        .Service("default/kubernetes", svc => svc
            .ClusterIP("10.254.0.1")
            .Port("https", 443, Protocol.Tcp, targetPort: 6443)
            .Endpoints(6443, "192.168.1.150"))
        .Service("kube-system/kube-dns", svc => svc
            .ClusterIP("10.254.0.10")
            .Port("dns", 53, Protocol.Udp)
            .Port("dns-tcp", 53, Protocol.Tcp)
            .Endpoints(53, "10.254.28.2"))
        .Masquerade(m => m.PodNetwork("10.254.0.0/16").NodeSubnet("10.254.98.0/24"));
}
