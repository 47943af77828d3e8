using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits and whitespace inside the rule set do not rebuild it.</summary>
public sealed class IncrementalTests
{
    private const string Unrelated = "namespace Other; public static class Helper { public static int Value => 1; }";

    [Test]
    public void Unrelated_file_edit_leaves_every_step_cached()
    {
        var (first, driver) = RunOnce(TestSources.Seed, Unrelated);

        var edited = Replace(first, 1, Unrelated.Replace("=> 1", "=> 2"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // ForAttributeWithMetadataName re-runs the transform on a new compilation; its equal result is Unchanged.
        AssertReasons(result, TrackingNames.Model, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Program, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.Build, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.Output, IncrementalStepRunReason.Cached);
    }

    [Test]
    public void Whitespace_edit_inside_the_rule_set_rebuilds_nothing()
    {
        var (first, driver) = RunOnce(TestSources.Seed, Unrelated);

        var spaced = TestSources.Seed.Replace(".ClusterCidr(\"10.254.0.0/16\")", ".ClusterCidr(   \"10.254.0.0/16\"   )\n\n");
        var result = driver.RunGenerators(Replace(first, 0, spaced)).GetRunResult().Results.Single();

        // The locations moved, so the model changed; the program, build and output did not.
        AssertReasons(result, TrackingNames.Model, IncrementalStepRunReason.Modified);
        AssertReasons(result, TrackingNames.Program, IncrementalStepRunReason.Unchanged);
        AssertReasons(result, TrackingNames.Build, IncrementalStepRunReason.Cached);
        AssertReasons(result, TrackingNames.Output, IncrementalStepRunReason.Cached);
    }

    [Test]
    public void Real_edit_rebuilds_and_regenerates()
    {
        var (first, driver) = RunOnce(TestSources.Seed, Unrelated);

        var changed = TestSources.Seed.Replace("10.254.82.218", "10.254.82.219");
        var result = driver.RunGenerators(Replace(first, 0, changed)).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.Program, IncrementalStepRunReason.Modified);
        AssertReasons(result, TrackingNames.Build, IncrementalStepRunReason.Modified);
        AssertReasons(result, TrackingNames.Output, IncrementalStepRunReason.Modified);
    }

    [Test]
    public void Pipeline_values_hold_no_compiler_objects()
    {
        var (_, driver) = RunOnce(TestSources.Seed, Unrelated);
        var result = driver.GetRunResult().Results.Single();

        var names = typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        var checkedValues = 0;
        foreach (var name in names)
        {
            if (!result.TrackedSteps.TryGetValue(name, out var steps)) continue;
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoCompilerObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                checkedValues++;
            }
        }
        Assert.That(checkedValues, Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public void Equal_sources_give_equal_models()
    {
        var first = GeneratorHarness.Run(TestSources.Seed).Result.Results.Single().TrackedSteps[TrackingNames.Model].Single().Outputs.Single().Value;
        var second = GeneratorHarness.Run(TestSources.Seed).Result.Results.Single().TrackedSteps[TrackingNames.Model].Single().Outputs.Single().Value;

        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
    }

    private static (CSharpCompilation Compilation, GeneratorDriver Driver) RunOnce(params string[] sources)
    {
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (compilation, driver);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertReasons(GeneratorRunResult result, string step, IncrementalStepRunReason expected)
    {
        var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(reasons, Is.Not.Empty, step);
        Assert.That(reasons, Is.All.EqualTo(expected), step);
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        Assert.That(value, Is.Not.InstanceOf<Compilation>().And.Not.InstanceOf<ISymbol>().And.Not.InstanceOf<SyntaxNode>()
            .And.Not.InstanceOf<SemanticModel>().And.Not.InstanceOf<SyntaxTree>().And.Not.InstanceOf<Location>(), path);
        if (value is DiagnosticDescriptor) return;
        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence) AssertNoCompilerObjects(item, path + "[" + i++ + "]", seen);
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
