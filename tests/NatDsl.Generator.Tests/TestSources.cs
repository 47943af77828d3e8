using System.Globalization;
using System.Text;

namespace NatDsl.Generator.Tests;

/// <summary>DSL sources the generator tests run on.</summary>
public static class TestSources
{
    public const string Usings = "using NatDsl.Dsl;\nusing NatDsl.Spec;\n";

    /// <summary>The cluster behind golden/seed.listing.txt (services in the seed's KUBE-SERVICES order).</summary>
    public const string Seed = Usings + """

        namespace Clusters;

        [NatRuleSet]
        public static partial class SeedCluster
        {
            static void Define(ClusterBuilder cluster) => cluster
                .KubeProxy(KubeProxyProfile.V1_12)
                .ClusterCidr("10.254.0.0/16")
                .NodePortRange(30000, 35000)
                .RandomFully(false)
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
                    .Type(ServiceType.NodePort)
                    .ClusterIP("10.96.0.20")
                    .Port("http", 80, Protocol.Tcp, nodePort: 30080)
                    .Endpoints(8080, "10.244.1.5", "10.244.2.7", "10.244.3.9"))
            """)),
        ("LoadBalancerLocal", RuleSet("LoadBalancerLocal", """
            c => c
                .KubeProxy(KubeProxyProfile.Current)
                .NodeName("node-1")
                .NodeIP("192.168.1.10")
                .ClusterCidr("10.244.0.0/16")
                .Service("shop/api", s => s
                    .Type(ServiceType.LoadBalancer)
                    .ClusterIP("10.96.1.1")
                    .Port("https", 443, Protocol.Tcp, nodePort: 31443, targetPort: 8443)
                    .LoadBalancerIngress("203.0.113.7")
                    .LoadBalancerSourceRanges("198.51.100.0/24", "192.0.2.0/24")
                    .ExternalTrafficPolicy(TrafficPolicy.Local)
                    .HealthCheckNodePort(32000)
                    .Endpoint("10.244.1.2", e => e.Port("https", 8443).Node("node-1"))
                    .Endpoint("10.244.2.3", e => e.Port("https", 8443).Node("node-2"))
                    .Endpoint("10.244.3.4", e => e.Port("https", 8443).Node("node-1").Ready(false).Terminating()))
            """)),
        ("ExternalIPsAffinity", RuleSet("ExternalIPsAffinity", """
            c => c
                .KubeProxy(KubeProxyProfile.V1_12)
                .ClusterCidr("10.254.0.0/16")
                .MasqueradeAll()
                .Service("db/pg", s => s
                    .ClusterIP("10.254.9.9")
                    .Port(5432, Protocol.Tcp)
                    .ExternalIPs("192.168.7.7")
                    .SessionAffinity(SessionAffinity.ClientIP, timeoutSeconds: 600)
                    .Endpoints(5432, "10.254.3.3", "10.254.4.4", "10.254.5.5"))
            """)),
        ("NoEndpoints", RuleSet("NoEndpoints", """
            c => c
                .KubeProxy(KubeProxyProfile.Current)
                .Service("idle/nothing", s => s.ClusterIP("10.96.5.5").Port(80, Protocol.Tcp))
                .Service("idle/sctp", s => s.ClusterIP("10.96.5.6").Port(9999, Protocol.Sctp).Endpoints(9999, "10.1.1.1"))
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
