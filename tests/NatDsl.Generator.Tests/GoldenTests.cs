using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>[NatRuleSet(Golden = …)]: the generated node rules are compared with a dump at compile time.</summary>
public sealed class GoldenTests
{
    private static string SeedListing =>
        System.IO.File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "golden", "seed.listing.txt"), new UTF8Encoding(false));

    private static string WithGolden(string source, string golden) =>
        source.Replace("[NatRuleSet]", "[NatRuleSet(Golden = \"" + golden + "\")]");

    private static AdditionalText Dump(string path, string text) => new InMemoryAdditionalText(path, text);

    [Test]
    public void Seed_matches_the_seed_listing()
    {
        var source = WithGolden(TestSources.Seed, "golden/seed.listing.txt");

        var run = GeneratorHarness.Run(source, Dump("/repo/cluster/golden/seed.listing.txt", SeedListing));

        Assert.That(run.Diagnostics, Is.Empty, () => string.Join("\n", run.Diagnostics));
        Assert.That(run.Sources, Has.Count.EqualTo(1));
    }

    [Test]
    public void NATDSL009_each_difference_is_a_warning_with_table_chain_and_rules()
    {
        var source = WithGolden(TestSources.Seed.Replace("\"10.254.28.2\"))", "\"10.254.28.9\"))"), "golden/seed.listing.txt");

        var run = GeneratorHarness.Run(source, Dump("golden/seed.listing.txt", SeedListing));

        var warnings = run.Diagnostics.Where(d => d.Id == "NATDSL009").ToList();
        Assert.That(warnings, Is.Not.Empty);
        Assert.That(warnings, Is.All.Matches<Diagnostic>(d => d!.Severity == DiagnosticSeverity.Warning));
        Assert.That(run.Diagnostics.Where(d => d.Id != "NATDSL009"), Is.Empty);
        var messages = string.Join("\n", warnings.Select(w => w.GetMessage()));
        Assert.That(messages, Does.Contain("nat KUBE-SEP-").And.Contain("only in expected").And.Contain("expected '-A KUBE-SVC-TCOU7JCQXEZGVUNU -j KUBE-SEP-SQ36TMKWQVNIB7L2'"));
        DiagnosticAssert.Single(run, "NATDSL009", DiagnosticSeverity.Warning, source, "Golden =", 1, allowMany: true);
        Assert.That(run.Sources, Has.Count.EqualTo(1), "a difference does not stop generation");
    }

    [Test]
    public void NATDSL009_can_be_raised_to_an_error()
    {
        var source = WithGolden(TestSources.Seed.Replace("\"10.254.28.2\"))", "\"10.254.28.9\"))"), "golden/seed.listing.txt");
        var compilation = GeneratorHarness.Compile(source);
        compilation = compilation.WithOptions(compilation.Options!.WithSpecificDiagnosticOptions(new[] { new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("NATDSL009", ReportDiagnostic.Error) }));

        GeneratorHarness.CreateDriver(null, Dump("golden/seed.listing.txt", SeedListing))
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        var reported = diagnostics.Where(d => d.Id == "NATDSL009").ToList();
        Assert.That(reported, Is.Not.Empty);
        Assert.That(reported, Is.All.Matches<Diagnostic>(d => d!.Severity == DiagnosticSeverity.Error));
    }

    [Test]
    public void Save_dump_golden_is_compared_table_by_table()
    {
        var plain = GeneratorHarness.Run(TestSources.Seed);
        using var loaded = LoadedRuleSet.Load(plain.Output, "Clusters.SeedCluster");
        var dump = NatDsl.Formats.Save.SaveRenderer.Render(NatDsl.KubeProxy.KubeProxyCompiler.Compile(
            NatDsl.Spec.ClusterSpec.Build(loaded.Define), new NatDsl.KubeProxy.CompileOptions { SelfContained = true }));
        var source = WithGolden(TestSources.Seed, "node1.save");

        var same = GeneratorHarness.Run(source, Dump("dumps/node1.save", dump));
        var changed = GeneratorHarness.Run(source, Dump("dumps/node1.save", dump.Replace("10.254.82.218", "10.254.82.217")));

        Assert.That(same.Diagnostics, Is.Empty, () => string.Join("\n", same.Diagnostics));
        Assert.That(changed.Diagnostics.Select(d => d.Id), Is.Not.Empty.And.All.EqualTo("NATDSL009"));
    }

    [Test]
    public void NATDSL008_unreadable_dump_is_reported_at_its_line()
    {
        var broken = SeedListing.Replace("Chain KUBE-MARK-DROP (0 references)", "this is not a listing line");
        var line = 1 + broken.Substring(0, broken.IndexOf("this is not", System.StringComparison.Ordinal)).Count(c => c == '\n');
        var source = WithGolden(TestSources.Seed, "golden/seed.listing.txt");

        var run = GeneratorHarness.Run(source, Dump("golden/seed.listing.txt", broken));

        var diagnostic = run.Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("NATDSL008"));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        var span = diagnostic.Location.GetLineSpan();
        Assert.That(span.Path, Is.EqualTo("golden/seed.listing.txt"));
        Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(line));
        Assert.That(diagnostic.GetMessage(), Does.Contain("line " + line));
    }

    [Test]
    public void Golden_file_text_is_read_only_for_the_matching_path()
    {
        var source = WithGolden(TestSources.Seed, "golden/seed.listing.txt");

        var run = GeneratorHarness.Run(source, Dump("other/seed.listing.txt", "junk"), Dump("x/golden/seed.listing.txt", SeedListing));

        Assert.That(run.Diagnostics, Is.Empty);
    }
}
