using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using NatDsl.Spec;

namespace NatDsl.Cli.Generation;

/// <summary>
/// What a DSL compilation references: the assemblies of the shared framework the tool runs on
/// (the trusted platform assemblies in the directory of <c>System.Private.CoreLib</c>) and the
/// NatDsl runtime the tool itself uses, so the generated code and the tool agree on every type.
/// </summary>
internal static class CompilationReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Create);

    /// <summary>The references, created once per process.</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    private static ImmutableArray<MetadataReference> Create()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        var paths = new List<string>();
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in trusted.Split(Path.PathSeparator))
        {
            if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
            if (!string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal)) continue;
            paths.Add(path);
        }
        paths.Sort(StringComparer.Ordinal);
        paths.Add(typeof(ClusterSpec).Assembly.Location);

        var references = ImmutableArray.CreateBuilder<MetadataReference>(paths.Count);
        foreach (var path in paths) references.Add(MetadataReference.CreateFromFile(path));
        return references.MoveToImmutable();
    }
}
