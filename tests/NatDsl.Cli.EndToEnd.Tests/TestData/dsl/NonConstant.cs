using NatDsl.Dsl;
using NatDsl.Spec;

[NatRuleSet]
public static partial class NonConstant
{
    private static string address = "10.96.0.10";

    static void Define(ClusterBuilder cluster) => cluster
        .Service("default/web", svc => svc
            .ClusterIP(address)
            .Port(80, Protocol.Tcp)
            .Endpoints(8080, "10.244.1.5"));
}
