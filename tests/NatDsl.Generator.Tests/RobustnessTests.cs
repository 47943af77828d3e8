using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>Half-typed code (every prefix of a rule set) never makes the generator throw.</summary>
public sealed class RobustnessTests
{
    [Test]
    public void Truncated_rule_sets_never_throw()
    {
        var source = TestSources.Seed;
        var runs = 0;
        for (var length = 0; length <= source.Length; length += 3)
        {
            var run = GeneratorHarness.Run(source.Substring(0, length));
            var result = run.Result.Results.Single();
            Assert.That(result.Exception, Is.Null, () => "at length " + length);
            Assert.That(run.Diagnostics.Where(d => d.Id == "NATDSL999"), Is.Empty, () => "at length " + length);
            runs++;
        }
        Assert.That(runs, Is.GreaterThan(100));
    }

    public static IEnumerable<TestCaseData> Examples()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NatDsl.sln"))) root = root.Parent;
        if (root is null) throw new DirectoryNotFoundException("no NatDsl.sln above the test directory");
        yield return new TestCaseData(File.ReadAllText(Path.Combine(root.FullName, "examples", "SeedCluster", "SeedRules.cs"))).SetName("examples/SeedCluster/SeedRules.cs");
        yield return new TestCaseData(File.ReadAllText(Path.Combine(root.FullName, "examples", "CiRestoreFiles", "EdgeCluster.cs"))).SetName("examples/CiRestoreFiles/EdgeCluster.cs");
        foreach (var (name, source) in TestSources.Features) yield return new TestCaseData(source).SetName("feature " + name);
    }

    /// <summary>
    /// Every example cut at about 120 points (as an editor holds it while typing): the generator never
    /// throws, never reports an internal error, and while the C# itself is broken it blames nothing on
    /// the declaration that the complete file does not also get (no misleading NATDSL error).
    /// </summary>
    [TestCaseSource(nameof(Examples))]
    public void Truncated_examples_never_throw_or_blame_the_declaration(string source)
    {
        var complete = GeneratorHarness.Run(source);
        var baseline = complete.Diagnostics.Select(d => d.Id).ToHashSet();
        var step = System.Math.Max(1, source.Length / 120);
        var runs = 0;
        for (var length = 0; length < source.Length; length += step)
        {
            var cut = source.Substring(0, length);
            var run = GeneratorHarness.Run(cut);
            Assert.That(run.Result.Results.Single().Exception, Is.Null, () => "at length " + length);
            Assert.That(run.Diagnostics.Where(d => d.Id == "NATDSL999"), Is.Empty, () => "at length " + length);
            var csharpBroken = run.Input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
            if (csharpBroken)
            {
                var blamed = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !baseline.Contains(d.Id)).ToList();
                Assert.That(blamed, Is.Empty, () => "at length " + length + ", the C# is broken but the generator reports:\n" + string.Join("\n", blamed) + "\n--- source ---\n" + cut);
            }
            runs++;
        }
        Assert.That(runs, Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void Truncated_source_with_complete_class_but_broken_define_reports_only_compiler_errors()
    {
        var source = TestSources.Seed.Replace(".Port(80, Protocol.Tcp)", ".Port(80, Protocol.)");
        Assert.That(source, Is.Not.EqualTo(TestSources.Seed));

        var run = GeneratorHarness.Run(source);

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.Input.GetDiagnostics().Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error), Is.True);
    }
}
