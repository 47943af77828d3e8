using System.Globalization;
using System.Text;

namespace NatDsl.Generator.Tests;

/// <summary>DSL sources the generator tests run on.</summary>
public static class TestSources
{
    public const string Usings = "using NatDsl.Dsl;\nusing NatDsl.Spec;\n";

    /// <summary>The seed cluster of the design: the services of golden/seed.listing.txt.</summary>
    public const string Seed = Usings + """

        namespace Clusters;

        [NatRuleSet]
        public static partial class SeedCluster
        {
            static void Define(ClusterBuilder cluster) => cluster
                .KubeProxy(KubeProxyProfile.V1_12)
                .ClusterCidr("10.254.0.0/16")
                .Service("kys/service-test", svc => svc
                    .ClusterIP("10.254.82.218")
                    .Port(8088, Protocol.Tcp)
                    .Endpoints(8080, "10.254.28.6", "10.254.28.7", "10.254.98.4", "10.254.98.5"))
                .Service("kys/dnsutils-ds", svc => svc
                    .ClusterIP("10.254.212.225")
                    .Port("http", 80, Protocol.Tcp, nodePort: 34573)
                    .Endpoints(80, "10.254.28.4", "10.254.98.3"))
                .Masquerade(m => m.PodNetwork("10.254.0.0/16").NodeSubnet("10.254.98.0/24"));
        }
        """;

    /// <summary>Small rule sets that each exercise a part of the DSL, for parity tests (name, source).</summary>
    public static readonly (string Name, string Source)[] Features =
    {
        ("Empty", RuleSet("Empty", "c => c.KubeProxy(KubeProxyProfile.Current)")),
        ("UdpAndTcp", RuleSet("UdpAndTcp", """
            c => c
                .KubeProxy(KubeProxyProfile.V1_12)
                .ClusterCidr("10.254.0.0/16")
                .Service("kube-system/kube-dns", s => s
                    .ClusterIP("10.254.0.10")
                    .Port("dns", 53, Protocol.Udp)
                    .Port("dns-tcp", 53, Protocol.Tcp)
                    .Endpoints(53, "10.254.28.2", "10.254.98.2"))
            """)),
        ("NodePortCurrent", RuleSet("NodePortCurrent", """
            c => c
                .KubeProxy(KubeProxyProfile.Current)
                .ClusterCidr("10.244.0.0/16")
                .Service("web/front", s => s
                    .ClusterIP("10.96.0.20")
                    .Port("http", 80, Protocol.Tcp, nodePort: 30080)
                    .Endpoints(8080, "10.244.1.5", "10.244.2.7", "10.244.3.9"))
            """)),
    };

    /// <summary>A rule set class whose Define is the lambda-shaped <paramref name="body"/> (<c>c => c…</c>).</summary>
    public static string RuleSet(string className, string body)
    {
        var arrow = body.IndexOf("=>", System.StringComparison.Ordinal);
        var expression = body.Substring(arrow + 2).Trim();
        return Usings + "namespace Clusters;\n\n[NatRuleSet]\npublic static partial class " + className +
               "\n{\n    static void Define(ClusterBuilder c) =>\n        " + expression.Replace("\n", "\n        ") + ";\n}\n";
    }

    /// <summary>A rule set of <paramref name="services"/> services, written out call by call.</summary>
    public static string Many(int services, string className = "Many")
    {
        var builder = new StringBuilder(Usings);
        builder.Append("namespace Clusters;\n\n[NatRuleSet]\npublic static partial class ").Append(className).Append("\n{\n");
        builder.Append("    static void Define(ClusterBuilder c) => c\n        .KubeProxy(KubeProxyProfile.Current)\n        .ClusterCidr(\"10.0.0.0/8\")");
        for (var i = 0; i < services; i++)
        {
            var a = (i / 250).ToString(CultureInfo.InvariantCulture);
            var b = (i % 250 + 1).ToString(CultureInfo.InvariantCulture);
            builder.Append("\n        .Service(\"ns").Append((i % 7).ToString(CultureInfo.InvariantCulture)).Append("/svc-").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\", s => s")
                .Append("\n            .ClusterIP(\"10.96.").Append(a).Append('.').Append(b).Append("\")")
                .Append("\n            .Port(\"http\", 80, Protocol.Tcp)")
                .Append("\n            .Endpoints(8080, \"10.1.").Append(a).Append('.').Append(b).Append("\", \"10.2.").Append(a).Append('.').Append(b).Append("\"))");
        }
        builder.Append(";\n}\n");
        return builder.ToString();
    }
}
