using System.Linq;
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
