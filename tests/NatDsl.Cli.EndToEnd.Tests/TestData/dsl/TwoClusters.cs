using NatDsl.Dsl;
using NatDsl.Spec;

namespace Clusters;

[NatRuleSet]
public static partial class Blue
{
    static void Define(ClusterBuilder cluster) => cluster
        .ClusterCidr("10.0.0.0/8")
        .Service("default/web", svc => svc
            .ClusterIP("10.96.0.10")
            .Port("http", 80, Protocol.Tcp)
            .Endpoints(8080, "10.244.1.5", "10.244.2.6"));
}

[NatRuleSet]
public static partial class Green
{
    static void Define(ClusterBuilder cluster) => cluster
        .ClusterCidr("10.0.0.0/8")
        .Service("default/web", svc => svc
            .ClusterIP("10.96.0.10")
            .Port("http", 80, Protocol.Tcp)
            .Endpoints(8080, "10.244.3.7"));
}
