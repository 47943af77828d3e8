using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NatDsl.Generator;

namespace NatDsl.Cli.Generation;

/// <summary>
/// Compiles DSL sources in memory with Roslyn against the framework and the NatDsl runtime
/// (<see cref="CompilationReferences"/>) and runs the NatDsl generator on them with
/// <see cref="CSharpGeneratorDriver"/>, exactly as a build would. Golden dumps named by
/// <c>[NatRuleSet(Golden = "…")]</c> are passed as additional files when they exist beside the
/// source (or the project).
/// </summary>
internal static class DslCompiler
{
    /// <summary>The name of the in-memory assembly.</summary>
    public const string AssemblyName = "NatDslRuleSets";

    private const string ImplicitUsingsSource =
        "global using global::System;\n" +
        "global using global::System.Collections.Generic;\n" +
        "global using global::System.IO;\n" +
        "global using global::System.Linq;\n" +
        "global using global::System.Net.Http;\n" +
        "global using global::System.Threading;\n" +
        "global using global::System.Threading.Tasks;\n";

    /// <summary>Compiles <paramref name="sources"/> and runs the generator.</summary>
    public static DslCompilation Compile(DslSources sources, CancellationToken cancellationToken = default)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        foreach (var file in sources.Files)
        {
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(file.Text, Encoding.UTF8), parseOptions, file.DisplayPath, cancellationToken));
        }
        if (sources.ImplicitUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsingsSource, parseOptions, "ImplicitUsings.g.cs", Encoding.UTF8, cancellationToken));
        }

        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: sources.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            deterministic: true,
            concurrentBuild: false);
        var compilation = CSharpCompilation.Create(AssemblyName, trees, CompilationReferences.All, options);

        var driver = CSharpGeneratorDriver.Create(
            new[] { new NatRuleSetGenerator().AsSourceGenerator() },
            GoldenFiles(compilation, sources, cancellationToken),
            parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, cancellationToken);

        var diagnostics = generatorDiagnostics
            .Concat(output.GetDiagnostics(cancellationToken))
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Distinct()
            .OrderBy(d => d.Location.GetLineSpan().Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToImmutableArray();
        return new DslCompilation(output, diagnostics, RuleSetClasses.Find(output, cancellationToken));
    }

    /// <summary>The golden dumps the rule set classes name, as additional files, when they exist.</summary>
    private static ImmutableArray<AdditionalText> GoldenFiles(CSharpCompilation compilation, DslSources sources, CancellationToken cancellationToken)
    {
        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var argument in tree.GetRoot(cancellationToken).DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeArgumentSyntax>())
            {
                if (argument.NameEquals?.Name.Identifier.ValueText != "Golden") continue;
                if (model.GetConstantValue(argument.Expression, cancellationToken).Value is not string golden || golden.Length == 0) continue;
                var beside = Path.GetDirectoryName(tree.FilePath) ?? string.Empty;
                foreach (var directory in new[] { beside, sources.BaseDirectory })
                {
                    var candidate = Path.Combine(directory, golden);
                    if (!File.Exists(candidate)) continue;
                    if (seen.Add(Path.GetFullPath(candidate))) files.Add(new FileAdditionalText(candidate));
                    break;
                }
            }
        }
        return files.ToImmutable();
    }

    private sealed class FileAdditionalText : AdditionalText
    {
        public FileAdditionalText(string path)
        {
            Path = path;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(File.ReadAllText(Path, new UTF8Encoding(false)), Encoding.UTF8);
    }
}
