using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Tests.KubeProxy;

namespace NatDsl.Tests.Testing;

/// <summary>Rule sets the golden-dump tests compare.</summary>
internal static class GoldenRuleSets
{
    /// <summary>The seed cluster compiled as the node's whole rule set (what the seed listing shows).</summary>
    public static RuleSet SeedNode() =>
        KubeProxyCompiler.Compile(ClusterSpec.Build(SeedCluster.Define), new CompileOptions { SelfContained = true });

    private const string Alpha = "-A KUBE-SERVICES -d 10.0.0.1/32 -p tcp -m comment --comment \"ns/alpha:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-AAA\n";
    private const string Beta = "-A KUBE-SERVICES -d 10.0.0.2/32 -p tcp -m comment --comment \"ns/beta:http cluster IP\" -m tcp --dport 80 -j KUBE-SVC-BBB\n";

    /// <summary>Two service groups in KUBE-SERVICES (alpha, beta), then the nodeports rule that stays last.</summary>
    public static string TwoServices => Services(Alpha, Beta);

    /// <summary><see cref="TwoServices"/> with the two service rules swapped.</summary>
    public static string TwoServicesSwapped => Services(Beta, Alpha);

    private static string Services(string first, string second) =>
        "*nat\n" +
        ":PREROUTING ACCEPT [0:0]\n" +
        ":KUBE-SERVICES - [0:0]\n" +
        ":KUBE-NODEPORTS - [0:0]\n" +
        ":KUBE-SVC-AAA - [0:0]\n" +
        ":KUBE-SVC-BBB - [0:0]\n" +
        "[7:420] -A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n" +
        first +
        second +
        "-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n" +
        "COMMIT\n";

    /// <summary>A filter table to add to <see cref="TwoServices"/>.</summary>
    public const string Filter =
        "*filter\n" +
        ":INPUT ACCEPT [0:0]\n" +
        ":KUBE-FIREWALL - [0:0]\n" +
        "-A INPUT -j KUBE-FIREWALL\n" +
        "COMMIT\n";

    public static RuleSet Parse(string text) => SaveParser.Parse(text, "actual").RuleSet;
}
