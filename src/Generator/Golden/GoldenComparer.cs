using System;
using System.Threading;
using NatDsl.Generator.Diagnostics;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Golden;

/// <summary>Compares the generated rules with a golden dump captured from a node.</summary>
internal static class GoldenComparer
{
    public static GoldenResult Compare(GoldenInput input, CancellationToken cancellationToken)
    {
        try
        {
            if (input.FilePath is null)
            {
                return Result(input, new GoldenFinding(DiagnosticDescriptors.GoldenDumpNotFound, null, EquatableArray<string>.Own(new[] { input.Golden })));
            }
            if (input.Text is null)
            {
                return Result(input, new GoldenFinding(DiagnosticDescriptors.GoldenDumpUnreadable, null, EquatableArray<string>.Own(new[] { input.Golden, "1", "1", "the file cannot be read" })));
            }
            cancellationToken.ThrowIfCancellationRequested();
            return new GoldenResult(input.Class, GoldenDiff.Findings(input, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Result(input, new GoldenFinding(DiagnosticDescriptors.InternalError, null,
                EquatableArray<string>.Own(new[] { input.Class.FullName, exception.GetType().Name + ": " + exception.Message })));
        }
    }

    private static GoldenResult Result(GoldenInput input, GoldenFinding finding) =>
        new(input.Class, EquatableArray<GoldenFinding>.Own(new[] { finding }));
}
