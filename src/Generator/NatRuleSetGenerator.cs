using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NatDsl.Generator.Emission;
using NatDsl.Generator.Golden;
using NatDsl.Generator.Model;
using NatDsl.Generator.Recording;
using NatDsl.Generator.Replay;

namespace NatDsl.Generator;

/// <summary>
/// Completes every <c>[NatRuleSet] static partial class</c> with its restore scripts, rule
/// model, spec and chain names. The pipeline: read the Define method into a symbol-free model
/// (<see cref="TrackingNames.Model"/>), keep the location-free program
/// (<see cref="TrackingNames.Program"/>), replay and compile it with the runtime
/// (<see cref="TrackingNames.Build"/>), emit (<see cref="TrackingNames.Output"/>); diagnostics
/// and the golden comparison run beside it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NatRuleSetGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.NatRuleSetAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                RuleSetReader.Read)
            .WithTrackingName(TrackingNames.Model);

        var programs = models
            .Select(static (model, _) => model.Program)
            .WithTrackingName(TrackingNames.Program)
            .Where(static program => program is not null)
            .Select(static (program, _) => program!);

        var builds = programs
            .Select(RuleSetBuilder.Build)
            .WithTrackingName(TrackingNames.Build);

        // Spec construction code uses init-only setters (C# 9); older projects get ClusterSpec.Build(Define).
        var initSetters = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 });

        var sources = builds
            .Where(static build => build.Output is not null)
            .Combine(initSetters)
            .Select(static (input, _) => new GeneratedSource(input.Left.Class.HintName, RuleSetEmitter.Emit(input.Left.Class, input.Left.Output!, input.Right)))
            .WithTrackingName(TrackingNames.Output);

        context.RegisterSourceOutput(sources, static (production, source) =>
        {
            try
            {
                production.AddSource(source.HintName, source.Text);
            }
            catch (ArgumentException)
            {
                // The attribute on two parts of one partial class: the compiler reports CS0579.
            }
        });

        var goldenInputs = builds
            .Where(static build => build.Golden is not null && build.Output is not null)
            .Combine(context.AdditionalTextsProvider.Collect())
            .Select(GoldenFiles.Find)
            .WithTrackingName(TrackingNames.GoldenInput);

        var goldenResults = goldenInputs
            .Select(GoldenComparer.Compare)
            .WithTrackingName(TrackingNames.GoldenDiagnostics);

        var diagnostics = models.Collect()
            .Combine(builds.Collect())
            .Combine(goldenResults.Collect())
            .Select(static (inputs, _) => DiagnosticLocator.Locate(inputs.Left.Left, inputs.Left.Right, inputs.Right))
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics, static (production, infos) =>
        {
            foreach (var info in infos) production.ReportDiagnostic(info.ToDiagnostic());
        });
    }
}
