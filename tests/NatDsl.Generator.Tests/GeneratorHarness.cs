using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NatDsl.Generator.Tests;

/// <summary>Runs the NatDsl generator on in-memory sources with <see cref="CSharpGeneratorDriver"/>.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        // The framework (trusted platform assemblies) plus the runtime the tests reference.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("NatDsl", StringComparison.Ordinal))
            .Append(typeof(NatDsl.Spec.ClusterSpec).Assembly.Location);
        return paths
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToImmutableArray();
    });

    /// <summary>The framework, NatDsl and the test's other dependencies.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>A library compilation of the sources, named Test0.cs, Test1.cs…</summary>
    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    public static CSharpCompilation Compile(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "NatDslGeneratorTest",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, options, path: "Test" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver for the generator that tracks its incremental steps.</summary>
    public static GeneratorDriver CreateDriver(CSharpParseOptions? options = null, params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            new[] { new NatRuleSetGenerator().AsSourceGenerator() },
            additionalTexts,
            options ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on the sources.</summary>
    public static GeneratorRun Run(string source, params AdditionalText[] additionalTexts) => Run(new[] { source }, additionalTexts);

    public static GeneratorRun Run(string[] sources, params AdditionalText[] additionalTexts)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver(null, additionalTexts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, driver.GetRunResult(), compilation, output);
    }
}

/// <summary>The outcome of one generator run.</summary>
public sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Input, Compilation Output)
{
    /// <summary>The generator's diagnostics.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>Errors of the compilation with the generated code (none expected when the generator succeeds).</summary>
    public ImmutableArray<Diagnostic> CompilationErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>The generated sources (hint name, text).</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    /// <summary>The one generated source.</summary>
    public string Source => Sources.Single().Text;
}

/// <summary>An additional file held in memory.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
        Microsoft.CodeAnalysis.Text.SourceText.From(text);
}
