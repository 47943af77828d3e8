using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Golden;

/// <summary>Finds the AdditionalFiles item a <c>Golden = "…"</c> path names and reads its text.</summary>
internal static class GoldenFiles
{
    public static GoldenInput Find((BuildResult Build, ImmutableArray<AdditionalText> Files) input, CancellationToken cancellationToken)
    {
        var (build, files) = input;
        var golden = Normalize(build.Golden!).TrimStart('/');
        AdditionalText? match = null;
        foreach (var file in files)
        {
            var path = Normalize(file.Path);
            if (path == golden || path.EndsWith("/" + golden, StringComparison.Ordinal))
            {
                // The shortest match is the most specific one; ties go to the first listed.
                if (match is null || path.Length < Normalize(match.Path).Length) match = file;
            }
        }
        string? text = null;
        if (match is not null)
        {
            try
            {
                text = match.GetText(cancellationToken)?.ToString();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                text = null;
            }
        }
        return new GoldenInput(build.Class, build.Golden!, build.Output!.NodeScript ?? build.Output.RestoreScript, match?.Path, text);
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
