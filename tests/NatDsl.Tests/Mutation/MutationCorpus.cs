using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NatDsl.Model;

namespace NatDsl.Tests.Mutation;

/// <summary>
/// The inputs the mutation test starts from: the seed listing, every vector input and every
/// recorded vector output (save, <c>-S</c>, listings of every form and dialect) and kube-proxy's
/// own test scripts.
/// </summary>
public static class MutationCorpus
{
    /// <summary>Every corpus file, in a fixed order.</summary>
    public static IReadOnlyList<CorpusFile> Load()
    {
        var files = new List<CorpusFile>
        {
            new CorpusFile("golden/seed.listing.txt", File.ReadAllBytes(TestData.PathOf("golden", "seed.listing.txt")), DumpKind.Listing, "nat", IpFamily.V4),
        };
        foreach (var path in Sorted(Directory.GetFiles(TestData.PathOf("vectors"), "*.rules")))
        {
            files.Add(new CorpusFile("vectors/" + Path.GetFileName(path), File.ReadAllBytes(path), DumpKind.Save, "nat", FamilyOf(path)));
        }
        foreach (var path in Sorted(Directory.GetFiles(TestData.PathOf("kube-proxy"), "*.rules")))
        {
            files.Add(new CorpusFile("kube-proxy/" + Path.GetFileName(path), File.ReadAllBytes(path), DumpKind.Save, "nat", IpFamily.V4));
        }
        foreach (var path in Sorted(Directory.GetFiles(TestData.PathOf("vectors", "out"))))
        {
            var name = Path.GetFileName(path);
            var kind = KindOf(name);
            if (kind is null) continue;
            var table = name.EndsWith("-filter.txt", StringComparison.Ordinal) ? "filter" : "nat";
            files.Add(new CorpusFile("vectors/out/" + name, File.ReadAllBytes(path), kind.Value, table, FamilyOf(name)));
        }
        return files;
    }

    /// <summary>The parser of a recorded output file, or null for files that are not dumps (restore stderr).</summary>
    public static DumpKind? KindOf(string fileName)
    {
        if (fileName.Contains(".save-", StringComparison.Ordinal)) return DumpKind.Save;
        if (fileName.Contains(".S-", StringComparison.Ordinal)) return DumpKind.Rules;
        if (fileName.Contains(".L-", StringComparison.Ordinal)) return DumpKind.Listing;
        return null;
    }

    private static IpFamily FamilyOf(string path) => Path.GetFileName(path).StartsWith("v5-", StringComparison.Ordinal) ? IpFamily.V6 : IpFamily.V4;

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.OrderBy(p => p, StringComparer.Ordinal);
}
