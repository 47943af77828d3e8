using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>
/// The RequestDelegateGenerator parity idea: the same Define goes through the generator (its
/// emitted constant) and through the runtime (ClusterSpec.Build → KubeProxyCompiler → SaveRenderer
/// in this process), and the two scripts must be equal byte for byte.
/// </summary>
public sealed class ParityTests
{
    public static IEnumerable<TestCaseData> RuleSets()
    {
        yield return new TestCaseData(TestSources.Seed, "Clusters.SeedCluster").SetName("Seed");
        yield return new TestCaseData(TestSources.Many(25), "Clusters.Many").SetName("TwentyFiveServices");
        foreach (var (name, source) in TestSources.Features)
        {
            yield return new TestCaseData(source, "Clusters." + name).SetName(name);
        }
    }

    [TestCaseSource(nameof(RuleSets))]
    public void Generated_restore_script_equals_the_runtime_render(string source, string typeName)
    {
        var run = GeneratorHarness.Run(source);
        Assert.That(run.Diagnostics, Is.Empty);
        using var loaded = LoadedRuleSet.Load(run.Output, typeName);

        var runtime = SaveRenderer.Render(KubeProxyCompiler.Compile(ClusterSpec.Build(loaded.Define)));

        Assert.That(loaded.Constant("RestoreScript"), Is.EqualTo(runtime));
        Assert.That(runtime, Does.Contain("COMMIT"));
    }
}
