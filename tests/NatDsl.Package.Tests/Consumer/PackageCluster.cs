using NatDsl.Dsl;
using NatDsl.Spec;

namespace PackageTests;

/// <summary>The rule set the fresh consumer projects compile with the packaged generator.</summary>
[NatRuleSet]
public static partial class PackageCluster
{
    internal static void Define(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.V1_12)
        .ClusterCidr("10.254.0.0/16")
        .Service("kys/service-test", svc => svc
            .ClusterIP("10.254.82.218")
            .Port(8088, Protocol.Tcp, targetPort: 8080)
            .Endpoints(8080, "10.254.28.6", "10.254.28.7", "10.254.98.4"))
        .Service("kys/dnsutils-ds", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("10.254.212.225")
            .Port("http", 80, Protocol.Tcp, nodePort: 30573)
            .Endpoints(80, "10.254.28.4", "10.254.98.3"))
        .Masquerade(m => m.PodNetwork("10.254.0.0/16").NodeSubnet("10.254.98.0/24"));
}
