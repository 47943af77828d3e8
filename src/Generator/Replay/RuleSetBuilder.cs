using System;
using System.Collections.Generic;
using System.Threading;
using NatDsl.Generator.Diagnostics;
using NatDsl.Generator.Emission;
using NatDsl.Generator.Model;
using NatDsl.Spec;

namespace NatDsl.Generator.Replay;

/// <summary>
/// The build step: replays a recorded program on the runtime builder, compiles the spec with
/// the runtime's kube-proxy compiler, renders it with the runtime's save renderer, and returns
/// the strings to emit, or located failures. Never throws except for cancellation.
/// </summary>
internal static class RuleSetBuilder
{
    public static BuildResult Build(RuleSetProgram program, CancellationToken cancellationToken)
    {
        try
        {
            ClusterSpec spec;
            try
            {
                spec = new ProgramReplayer().Build(program);
            }
            catch (ReplayFailure failure)
            {
                return Failed(program, new BuildFailure(failure.Descriptor, failure.LocationId, EquatableArray<string>.Own(failure.Arguments)));
            }
            catch (SpecValidationException validation)
            {
                var failures = new List<BuildFailure>();
                foreach (var error in validation.Errors)
                {
                    failures.Add(new BuildFailure(
                        DiagnosticDescriptors.SpecValidationError,
                        SpecErrorLocator.Locate(program, error),
                        EquatableArray<string>.Own(new[] { error.Service ?? "cluster", error.Field, error.Message })));
                }
                return new BuildResult(program.Class, program.Golden, null, failures.ToEquatableArray());
            }
            cancellationToken.ThrowIfCancellationRequested();

            var ruleSet = RuntimeCompiler.Compile(spec);
            var script = RuntimeCompiler.Render(ruleSet);
            var tables = new List<TableScript>();
            foreach (var table in ruleSet.Tables) tables.Add(new TableScript(table.Name, RuntimeCompiler.Render(table)));
            cancellationToken.ThrowIfCancellationRequested();

            var chains = ChainNamer.Name(spec, ruleSet);
            var factory = SpecCodeWriter.Write(spec) ?? EquatableArray<string>.Empty;
            var node = RuntimeCompiler.Render(RuntimeCompiler.CompileNode(spec));
            var output = new GeneratedRuleSet(script, tables.ToEquatableArray(), chains, factory, node);
            return new BuildResult(program.Class, program.Golden, output, EquatableArray<BuildFailure>.Empty);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(program, new BuildFailure(DiagnosticDescriptors.InternalError, program.DefineId,
                EquatableArray<string>.Own(new[] { program.Class.FullName, exception.GetType().Name + ": " + exception.Message })));
        }
    }

    private static BuildResult Failed(RuleSetProgram program, BuildFailure failure) =>
        new(program.Class, program.Golden, null, EquatableArray<BuildFailure>.Own(new[] { failure }));
}
