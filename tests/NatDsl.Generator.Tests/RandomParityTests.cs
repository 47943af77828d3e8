using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Spec;
using NatDsl.Tests.Properties;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>
/// Parity on random declarations: the property tests' cluster drafts (every feature of both
/// profiles and both families, seeded) are written as DSL code, run through the generator in one
/// compilation, and each class's emitted scripts must equal what the runtime builder and compiler
/// produce from the same draft in this process, byte for byte.
/// </summary>
public sealed class RandomParityTests
{
    private const int Drafts = 40;

    [Test]
    public void Generated_scripts_equal_the_runtime_for_random_declarations()
    {
        var drafts = Enumerable.Range(0, Drafts).Select(i => ClusterDraftGenerator.Generate(new Random(7000 + i), 6)).ToList();
        var source = new StringBuilder("using NatDsl.Dsl;\nusing NatDsl.Model;\nusing NatDsl.Spec;\n\nnamespace Clusters;\n");
        for (var i = 0; i < drafts.Count; i++)
        {
            source.Append("\n[NatRuleSet]\npublic static partial class Random").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\n{\n")
                .Append("    static void Define(ClusterBuilder cluster) =>\n").Append(drafts[i]).Append("\n}\n");
        }

        var run = GeneratorHarness.Run(source.ToString());
        Assert.That(run.Diagnostics, Is.Empty, source.ToString());

        var checkedServices = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            using var loaded = LoadedRuleSet.Load(run.Output, "Clusters.Random" + i.ToString(CultureInfo.InvariantCulture));
            var spec = ClusterSpec.Build(draft.Apply);
            var restore = SaveRenderer.Render(KubeProxyCompiler.Compile(spec));
            var node = SaveRenderer.Render(KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true }));

            Assert.That(loaded.Constant("RestoreScript"), Is.EqualTo(restore), "draft " + i + ":\n" + draft);
            Assert.That(loaded.Constant("NodeRestoreScript"), Is.EqualTo(node), "draft " + i + ":\n" + draft);
            checkedServices += draft.Services.Count;
        }
        Assert.That(checkedServices, Is.GreaterThan(Drafts), "the drafts declare services, not only empty clusters");
        Assert.That(drafts.Select(d => (d.Profile, d.Family)).Distinct().Count(), Is.EqualTo(4), "both profiles and both families");
    }
}
