using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>Every diagnostic: id, severity and the line/column of the offending code.</summary>
public sealed class DiagnosticsTests
{
    private static string Class(string body, string header = "[NatRuleSet]\npublic static partial class Rules") =>
        TestSources.Usings + "namespace Clusters;\n\n" + header + "\n{\n" + body + "\n}\n";

    [Test]
    public void NATDSL001_class_not_static()
    {
        var source = Class("    static void Define(ClusterBuilder c) => c.ClusterCidr(\"10.0.0.0/8\");", "[NatRuleSet]\npublic partial class Rules");

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.Single(run, "NATDSL001", DiagnosticSeverity.Error, source, "Rules");
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void NATDSL001_class_not_partial()
    {
        var source = Class("    static void Define(ClusterBuilder c) => c.ClusterCidr(\"10.0.0.0/8\");", "[NatRuleSet]\npublic static class Rules");

        DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL001", DiagnosticSeverity.Error, source, "Rules");
    }

    [Test]
    public void NATDSL001_containing_type_not_partial()
    {
        var source = TestSources.Usings + "public class Outer\n{\n    [NatRuleSet]\n    public static partial class Rules\n    {\n        static void Define(ClusterBuilder c) => c.ClusterCidr(\"10.0.0.0/8\");\n    }\n}\n";

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL001", DiagnosticSeverity.Error, source, "Rules");
        Assert.That(diagnostic.GetMessage(), Does.Contain("'Outer'"));
    }

    [Test]
    public void NATDSL002_no_define()
    {
        var source = Class("    static void Setup(ClusterBuilder c) { }");

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL002", DiagnosticSeverity.Error, source, "Rules");
        Assert.That(diagnostic.GetMessage(), Does.Contain("no method named Define"));
    }

    [TestCase("static ClusterBuilder Define(ClusterBuilder c) => c;", "instead of void")]
    [TestCase("static void Define(ClusterBuilder c, int x) { }", "exactly one parameter")]
    [TestCase("static void Define(string c) { }", "exactly one parameter")]
    public void NATDSL002_wrong_signature(string method, string problem)
    {
        var source = Class("    " + method);

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL002", DiagnosticSeverity.Error, source, "Define");
        Assert.That(diagnostic.GetMessage(), Does.Contain(problem));
    }

    [Test]
    public void NATDSL003_field_argument()
    {
        var source = Class("""
                static readonly string Vip = "10.254.82.218";
                static void Define(ClusterBuilder c) => c
                    .Service("kys/service-test", s => s
                        .ClusterIP(Vip)
                        .Port(8088, Protocol.Tcp));
            """);

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL003", DiagnosticSeverity.Error, source, "Vip)");
        Assert.That(diagnostic.GetMessage(), Does.Contain("'address'").And.Contain("ServiceBuilder.ClusterIP"));
    }

    [Test]
    public void Constants_enum_members_and_nameof_are_accepted()
    {
        var source = Class("""
                const string Vip = "10.254.82.218";
                const int Port = 8088;
                const string web = "unused";
                static void Define(ClusterBuilder c) => c
                    .Service("kys/" + nameof(web), s => s
                        .ClusterIP(Vip)
                        .Port(Port, Protocol.Tcp));
            """);

        var run = GeneratorHarness.Run(source);

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.Sources, Has.Count.EqualTo(1));
    }

    [Test]
    public void NATDSL004_loop()
    {
        var source = Class("""
                static void Define(ClusterBuilder c)
                {
                    for (var i = 0; i < 3; i++) c.ClusterCidr("10.0.0.0/8");
                }
            """);

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL004", DiagnosticSeverity.Error, source, "for (");
        Assert.That(diagnostic.GetMessage(), Does.Contain("a loop"));
    }

    [Test]
    public void NATDSL004_helper_method()
    {
        var source = Class("""
                static ClusterBuilder Helper(ClusterBuilder c) => c.ClusterCidr("10.0.0.0/8");
                static void Define(ClusterBuilder c) => Helper(c).KubeProxy(KubeProxyProfile.Current);
            """);

        DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL004", DiagnosticSeverity.Error, source, "Helper(c)");
    }

    [Test]
    public void NATDSL004_local_variable_and_conditional()
    {
        var source = Class("""
                static void Define(ClusterBuilder c)
                {
                    var cidr = "10.0.0.0/8";
                    c.ClusterCidr(cidr);
                }
            """);

        var run = GeneratorHarness.Run(source);

        DiagnosticAssert.Single(run, "NATDSL004", DiagnosticSeverity.Error, source, "var cidr");
        DiagnosticAssert.Single(run, "NATDSL003", DiagnosticSeverity.Error, source, "cidr);");
    }

    [Test]
    public void NATDSL005_builder_rejects_a_value()
    {
        var source = Class("""
                static void Define(ClusterBuilder c) => c
                    .ClusterCidr("10.254.0.0/16")
                    .Service("kys/service-test", null!);
            """);

        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Single(run, "NATDSL005", DiagnosticSeverity.Error, source, "null!");
        Assert.That(diagnostic.GetMessage(), Does.Contain("ClusterBuilder.Service"));
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void NATDSL006_bad_address_points_at_the_argument()
    {
        var source = Class("""
                static void Define(ClusterBuilder c) => c
                    .Service("kys/service-test", s => s
                        .ClusterIP("10.254.82.999")
                        .Port(8088, Protocol.Tcp));
            """);

        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Single(run, "NATDSL006", DiagnosticSeverity.Error, source, "\"10.254.82.999\"");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("kys/service-test: spec.clusterIP: \"10.254.82.999\" is not an IP address"));
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void NATDSL006_points_at_the_bad_element_of_a_list()
    {
        var source = Class("""
                static void Define(ClusterBuilder c) => c
                    .Service("kys/service-test", s => s
                        .ClusterIP("10.254.82.218")
                        .Port(8088, Protocol.Tcp)
                        .Endpoints(8080, "10.254.28.6")
                        .Endpoints(8080, "10.254.28.7", "10.254.28.x", "10.254.98.4"));
            """);

        DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL006", DiagnosticSeverity.Error, source, "\"10.254.28.x\"");
    }

    [Test]
    public void NATDSL006_points_at_the_named_argument_of_the_indexed_port()
    {
        var source = Class("""
                static void Define(ClusterBuilder c) => c
                    .Service("kys/web", s => s
                        .ClusterIP("10.254.82.218")
                        .Port("http", 80, Protocol.Tcp)
                        .Port("https", 443, Protocol.Tcp, nodePort: 30443));
            """);

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL006", DiagnosticSeverity.Error, source, "nodePort: 30443");
        Assert.That(diagnostic.GetMessage(), Does.Contain("spec.ports[1].nodePort"));
    }

    [Test]
    public void NATDSL006_node_level_error_points_at_the_setting()
    {
        var source = Class("""
                static void Define(ClusterBuilder c) => c
                    .KubeProxy(KubeProxyProfile.Current)
                    .ClusterCidr("10.254.0.0/33");
            """);

        var diagnostic = DiagnosticAssert.Single(GeneratorHarness.Run(source), "NATDSL006", DiagnosticSeverity.Error, source, "\"10.254.0.0/33\"");
        Assert.That(diagnostic.GetMessage(), Does.StartWith("cluster: settings.clusterCIDR:"));
    }

    [Test]
    public void NATDSL006_one_diagnostic_per_error()
    {
        var source = Class("""
                static void Define(ClusterBuilder c) => c
                    .Service("kys/a", s => s.ClusterIP("10.0.0.300").Port(80, Protocol.Tcp))
                    .Service("kys/b", s => s.ClusterIP("10.0.0.2").Port(0, Protocol.Tcp));
            """);

        var run = GeneratorHarness.Run(source);

        Assert.That(run.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "NATDSL006", "NATDSL006" }));
    }

    [Test]
    public void NATDSL006_spec_validation_error_at_the_service()
    {
        var source = Class("""
                static void Define(ClusterBuilder c) => c
                    .KubeProxy(KubeProxyProfile.Current)
                    .Service("kys/dns", s => s
                        .Port(53, Protocol.Udp));
            """);

        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Single(run, "NATDSL006", DiagnosticSeverity.Error, source, "Service(\"kys/dns\"");
        Assert.That(diagnostic.GetMessage(), Does.Contain("kys/dns").And.Contain("clusterIP"));
    }

    [Test]
    public void NATDSL007_golden_not_found()
    {
        var source = Class("    static void Define(ClusterBuilder c) => c.ClusterCidr(\"10.0.0.0/8\");",
            "[NatRuleSet(Golden = \"golden/node1.save.txt\")]\npublic static partial class Rules");

        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Single(run, "NATDSL007", DiagnosticSeverity.Error, source, "Golden =");
        Assert.That(diagnostic.GetMessage(), Does.Contain("golden/node1.save.txt"));
        Assert.That(run.Sources, Has.Count.EqualTo(1), "the code is still generated");
    }
}
