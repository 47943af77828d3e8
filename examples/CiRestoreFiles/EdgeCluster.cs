using NatDsl.Dsl;
using NatDsl.Spec;

namespace CiRestoreFiles;

/// <summary>The rule set a CI job ships as <c>natdsl/EdgeCluster.rules</c>.</summary>
[NatRuleSet]
public static partial class EdgeCluster
{
    static void Define(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.Current)
        .ClusterCidr("10.244.0.0/16")
        .Service("web/frontend", svc => svc
            .ClusterIP("10.96.12.40")
            .Port("http", 80, Protocol.Tcp, targetPort: 8080)
            .Endpoints(8080, "10.244.1.10", "10.244.2.11"))
        .Service("kube-system/kube-dns", svc => svc
            .ClusterIP("10.96.0.10")
            .Port("dns", 53, Protocol.Udp)
            .Port("dns-tcp", 53, Protocol.Tcp)
            .Endpoints(53, "10.244.1.2"));
}
