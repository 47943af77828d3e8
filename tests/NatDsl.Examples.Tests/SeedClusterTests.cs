using System.IO;
using System.Linq;
using System.Text;
using NatDsl.Dsl;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Spec;
using NUnit.Framework;
using SeedCluster;

namespace NatDsl.Examples.Tests;

/// <summary>The example's two claims, asserted: the generated model equals the seed, and its listing is the seed.</summary>
public class SeedClusterTests
{
    private static string Seed => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "golden", "seed.listing.txt"), new UTF8Encoding(false));

    [Test]
    public void Generated_model_equals_the_seed_with_counters_ignored()
    {
        var verdict = SeedVerdict.Evaluate(SeedRules.NodeRuleSet, Seed, "seed.listing.txt");
        Assert.That(verdict.ModelMatches, Is.True, verdict.ModelReport);
    }

    [Test]
    public void Generated_listing_with_the_dump_counters_is_the_seed_byte_for_byte()
    {
        var verdict = SeedVerdict.Evaluate(SeedRules.NodeRuleSet, Seed, "seed.listing.txt");
        Assert.That(verdict.ListingMatches, Is.True, verdict.ListingReport);
    }

    [Test]
    public void The_verdict_notices_a_changed_endpoint()
    {
        var mutated = Seed.Replace("to:10.254.98.5:8080", "to:10.254.98.6:8080");
        var verdict = SeedVerdict.Evaluate(SeedRules.NodeRuleSet, mutated, "mutated");
        Assert.That(verdict.ModelMatches, Is.False);
        Assert.That(verdict.ModelReport, Does.Contain("10.254.98.6"));
        Assert.That(verdict.ListingMatches, Is.False);
    }

    [Test]
    public void Generated_script_is_the_runtime_compilation_of_the_same_declarations()
    {
        var spec = ClusterSpec.Build(c => SeedDefine(c));
        Assert.That(SeedRules.Spec, Is.EqualTo(spec));
        string generated = SeedRules.RestoreScript;
        string node = SeedRules.NodeRestoreScript;
        Assert.That(generated, Is.EqualTo(SaveRenderer.Render(KubeProxyCompiler.Compile(spec))));
        Assert.That(node, Is.EqualTo(SaveRenderer.Render(KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true }))));
        Assert.That(typeof(SeedRules.Chains).GetFields().Select(f => f.GetRawConstantValue()), Does.Contain("KUBE-SVC-N7RVRFO6KG6JK57Y"));
    }

    private static void SeedDefine(ClusterBuilder cluster)
    {
        // The runtime path: invoke the example's Define through reflection, as ClusterSpec.Build(SeedRules.Define) would inside the class.
        var define = typeof(SeedRules).GetMethod("Define", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        define.Invoke(null, new object[] { cluster });
    }
}
