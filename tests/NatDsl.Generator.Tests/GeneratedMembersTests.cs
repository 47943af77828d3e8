using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>What the generator adds to a rule set class, checked on the compiled and loaded result.</summary>
public sealed class GeneratedMembersTests
{
    [Test]
    public void Seed_generates_one_source_and_no_diagnostics()
    {
        var run = GeneratorHarness.Run(TestSources.Seed);

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.CompilationErrors, Is.Empty);
        Assert.That(run.Sources.Select(s => s.HintName), Is.EqualTo(new[] { "Clusters.SeedCluster.NatRuleSet.g.cs" }));
    }

    [Test]
    public void Generated_scripts_model_and_spec_equal_the_runtime_path()
    {
        var run = GeneratorHarness.Run(TestSources.Seed);
        using var loaded = LoadedRuleSet.Load(run.Output, "Clusters.SeedCluster");

        var spec = ClusterSpec.Build(loaded.Define);
        var ruleSet = KubeProxyCompiler.Compile(spec);
        var nat = ruleSet with { Tables = new ValueList<Table>(ruleSet.Tables.Where(t => t.Name == "nat")) };
        var filter = ruleSet with { Tables = new ValueList<Table>(ruleSet.Tables.Where(t => t.Name == "filter")) };

        Assert.That(loaded.Constant("RestoreScript"), Is.EqualTo(SaveRenderer.Render(ruleSet)));
        Assert.That(loaded.Constant("NatRestoreScript"), Is.EqualTo(SaveRenderer.Render(nat)));
        Assert.That(loaded.Constant("FilterRestoreScript"), Is.EqualTo(SaveRenderer.Render(filter)));
        Assert.That(loaded.Property("Spec"), Is.EqualTo(spec));

        // The model travels as its save text: it is what the runtime's save parser makes of the
        // runtime's render, and every compiled chain is in it unchanged (the parser may order
        // chains as iptables-save does and add the empty built-in chains a restore would create).
        var generated = (NatDsl.Model.RuleSet)loaded.Property("RuleSet");
        Assert.That(generated, Is.EqualTo(SaveParser.Parse(SaveRenderer.Render(ruleSet)).RuleSet));
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                Assert.That(generated.FindTable(table.Name)?.FindChain(chain.Name), Is.EqualTo(chain), table.Name + " " + chain.Name);
            }
        }
    }

    [Test]
    public void Spec_is_written_as_construction_code_not_as_a_call_to_Define()
    {
        var run = GeneratorHarness.Run(TestSources.Seed);

        Assert.That(run.Source, Does.Contain("new global::NatDsl.Spec.ClusterSpec"));
        Assert.That(run.Source, Does.Contain("global::NatDsl.Model.IpAddress.Parse(\"10.254.82.218\")"));
        Assert.That(run.Source, Does.Not.Contain("ClusterSpec.Build(Define)"));
    }

    [Test]
    public void Chains_are_named_after_their_service_ports()
    {
        var run = GeneratorHarness.Run(TestSources.Seed);
        using var loaded = LoadedRuleSet.Load(run.Output, "Clusters.SeedCluster");

        var chains = loaded.Chains();

        Assert.That(chains, Does.Contain(("KysServiceTest_8088_Tcp", "KUBE-SVC-N7RVRFO6KG6JK57Y")));
        Assert.That(chains, Does.Contain(("KysDnsutilsDs_Http_80_Tcp", "KUBE-SVC-Z3R3N3G6T6ZAFB4A")));
        Assert.That(chains, Does.Contain(("KysServiceTest_8088_Tcp_Endpoint_10_254_28_6_8080", "KUBE-SEP-2ETOGMBR3D5CXS34")));
        Assert.That(chains, Does.Contain(("KubeServices", "KUBE-SERVICES")));
        Assert.That(chains.Select(c => c.Name), Is.Unique);
        Assert.That(chains.Select(c => c.Value), Is.Unique);
    }

    [Test]
    public void Generated_code_compiles_as_CSharp_7_3()
    {
        var source = TestSources.Usings + """
            namespace Clusters
            {
                [NatRuleSet]
                public static partial class Old
                {
                    static void Define(ClusterBuilder c)
                    {
                        c.ClusterCidr("10.254.0.0/16")
                         .Service("kys/a", s => s.ClusterIP("10.254.0.5").Port(80, Protocol.Tcp).Endpoints(8080, "10.254.1.1"));
                    }
                }
            }
            """;
        var options = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        var compilation = GeneratorHarness.Compile(options, source)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        GeneratorHarness.CreateDriver(options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        Assert.That(output.SyntaxTrees.Count(), Is.EqualTo(2));
        Assert.That(output.SyntaxTrees.Last().ToString(), Does.Contain("ClusterSpec.Build(Define)"));
    }

    [Test]
    public void Nested_rule_set_class_is_completed_inside_its_partial_containers()
    {
        var source = TestSources.Usings + """
            namespace Clusters;
            public static partial class Outer
            {
                public partial struct Inner
                {
                    [NatRuleSet]
                    internal static partial class Rules
                    {
                        static void Define(ClusterBuilder c) => c.Service("a/b", s => s.ClusterIP("10.0.0.1").Port(80, Protocol.Tcp));
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.CompilationErrors, Is.Empty);
        Assert.That(run.Source, Does.Contain("partial struct Inner"));
    }
}
