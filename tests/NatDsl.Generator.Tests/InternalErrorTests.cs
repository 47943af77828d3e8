using System.Linq;
using Microsoft.CodeAnalysis;
using NatDsl.Generator.Model;
using NatDsl.Generator.Replay;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>
/// NATDSL999: the build step never throws. Valid C# cannot make the runtime fail unexpectedly, so
/// these tests take a recorded program from a real run and break it the way a mismatch between
/// generator and runtime, or a bug, would.
/// </summary>
public sealed class InternalErrorTests
{
    private static RuleSetModel SeedModel() =>
        (RuleSetModel)GeneratorHarness.Run(TestSources.Seed).Result.Results.Single()
            .TrackedSteps[TrackingNames.Model].Single().Outputs.Single().Value;

    [Test]
    public void Method_missing_from_the_runtime_is_one_internal_error_at_the_call()
    {
        var program = SeedModel().Program!;
        var chain = program.Define.Chains[0];
        var broken = chain.Calls[1] with { Method = "NoSuchMethod" };
        var calls = chain.Calls.ToArray();
        calls[1] = broken;
        var edited = program with { Define = new RecordedBlock(EquatableArray<RecordedChain>.Own(new[] { chain with { Calls = EquatableArray<RecordedCall>.Own(calls) } })) };

        var result = RuleSetBuilder.Build(edited, default);

        var failure = result.Failures.Single();
        Assert.That(failure.Descriptor.Id, Is.EqualTo("NATDSL999"));
        Assert.That(failure.Descriptor.DefaultSeverity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(failure.LocationId, Is.EqualTo(broken.Id));
        Assert.That(string.Join(" ", failure.Arguments), Does.Contain("NoSuchMethod"));
        Assert.That(result.Output, Is.Null);
    }

    [Test]
    public void Unexpected_exception_is_one_internal_error_with_its_message()
    {
        var program = SeedModel().Program!;
        var chain = program.Define.Chains[0];
        // ClusterCidr(string) given a lambda: the replay cannot make a string of it.
        var cidr = chain.Calls.First(c => c.Method == "ClusterCidr");
        var lambda = chain.Calls.First(c => c.Method == "Service").Arguments[1].Value;
        var calls = chain.Calls.Select(c => c == cidr ? c with { Arguments = EquatableArray<RecordedArgument>.Own(new[] { new RecordedArgument("cidr", lambda) }) } : c).ToArray();
        var edited = program with { Define = new RecordedBlock(EquatableArray<RecordedChain>.Own(new[] { chain with { Calls = EquatableArray<RecordedCall>.Own(calls) } })) };

        var result = RuleSetBuilder.Build(edited, default);

        var failure = result.Failures.Single();
        Assert.That(failure.Descriptor.Id, Is.EqualTo("NATDSL999"));
        Assert.That(failure.Arguments[1], Does.StartWith("NotSupportedException: "));
        Assert.That(failure.LocationId, Is.EqualTo(program.DefineId));
    }

    [Test]
    public void Internal_error_is_reported_through_the_pipeline_at_its_location()
    {
        var model = SeedModel();
        var failure = new BuildFailure(Diagnostics.DiagnosticDescriptors.InternalError, model.Program!.DefineId,
            EquatableArray<string>.Own(new[] { "Clusters.SeedCluster", "boom" }));
        var build = new BuildResult(model.Class, null, null, EquatableArray<BuildFailure>.Own(new[] { failure }));

        var located = DiagnosticLocator.Locate(
            System.Collections.Immutable.ImmutableArray.Create(model),
            System.Collections.Immutable.ImmutableArray.Create(build),
            System.Collections.Immutable.ImmutableArray<GoldenResult>.Empty).Single().ToDiagnostic();

        Assert.That(located.Id, Is.EqualTo("NATDSL999"));
        Assert.That(located.GetMessage(), Is.EqualTo("The NatDsl generator failed on 'Clusters.SeedCluster': boom"));
        Assert.That(located.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(
            DiagnosticAssert.PositionOf(TestSources.Seed, "Define").Line - 1, DiagnosticAssert.PositionOf(TestSources.Seed, "Define").Column - 1)));
    }
}
