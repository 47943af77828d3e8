using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>Large rule sets build; generator time is printed (never asserted).</summary>
public sealed class ScaleTests
{
    [Test]
    public void Thousand_services_build()
    {
        var run = GeneratorHarness.Run(TestSources.Many(1000));

        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.CompilationErrors, Is.Empty);
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        Assert.That(emit.Success, Is.True, () => string.Join("\n", emit.Diagnostics.Take(5)));
        Assert.That(run.Source, Does.Contain("Item999()"), "each service has its own factory method");
    }

    [TestCase(10)]
    [TestCase(100)]
    [TestCase(1000)]
    public void Generator_time(int services)
    {
        var compilation = GeneratorHarness.Compile(TestSources.Many(services));
        GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(TestSources.Many(3)));   // warm up

        var driver = GeneratorHarness.CreateDriver();
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        stopwatch.Stop();

        var result = driver.GetRunResult();
        TestContext.Out.WriteLine($"{services} services: generator {stopwatch.ElapsedMilliseconds} ms, {result.GeneratedTrees.Single().Length} chars generated");
        Assert.That(result.Diagnostics, Is.Empty);
    }
}
