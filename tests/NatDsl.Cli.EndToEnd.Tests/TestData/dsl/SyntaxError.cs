using NatDsl.Dsl;
using NatDsl.Spec;

[NatRuleSet]
public static partial class SyntaxError
{
    static void Define(ClusterBuilder cluster) => cluster
        .Service("default/web", svc => svc
            .ClusterIP("10.96.0.10")
            .Port(80, Protocol.Tcp))
}
