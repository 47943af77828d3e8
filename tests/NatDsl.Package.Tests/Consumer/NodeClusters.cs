using NatDsl.Dsl;
using NatDsl.Spec;

// Two rule set classes with the same name: their restore files are named by full name.
namespace PackageTests.Alpha
{
    /// <summary>A small rule set on the current kube-proxy profile.</summary>
    [NatRuleSet]
    public static partial class Node
    {
        internal static void Define(ClusterBuilder cluster) => cluster
            .KubeProxy(KubeProxyProfile.Current)
            .ClusterCidr("10.244.0.0/16")
            .Service("web/frontend", svc => svc
                .ClusterIP("10.96.12.40")
                .Port("http", 80, Protocol.Tcp, targetPort: 8080)
                .Endpoints(8080, "10.244.1.10", "10.244.2.11"));
    }
}

namespace PackageTests.Beta
{
    /// <summary>Another rule set of the same class name.</summary>
    [NatRuleSet]
    public static partial class Node
    {
        internal static void Define(ClusterBuilder cluster) => cluster
            .KubeProxy(KubeProxyProfile.Current)
            .ClusterCidr("10.245.0.0/16")
            .Service("kube-system/kube-dns", svc => svc
                .ClusterIP("10.97.0.10")
                .Port("dns", 53, Protocol.Udp)
                .Endpoints(53, "10.245.1.2"));
    }
}
