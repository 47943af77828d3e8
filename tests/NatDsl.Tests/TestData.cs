using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace NatDsl.Tests;

/// <summary>Locates the golden files and vectors copied into the test output.</summary>
public static class TestData
{
    /// <summary>The TestData folder beside the test assembly.</summary>
    public static string Root => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData");

    /// <summary>A file under TestData.</summary>
    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    /// <summary>Reads a file under TestData as UTF-8 without altering line ends.</summary>
    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts), new UTF8Encoding(false));

    /// <summary>The seed listing.</summary>
    public static string Seed => Read("golden", "seed.listing.txt");

    /// <summary>Names of the vector output files (without folder) matching a predicate.</summary>
    public static IEnumerable<string> VectorOutputs(System.Func<string, bool> predicate) =>
        Directory.GetFiles(PathOf("vectors", "out")).Select(Path.GetFileName).Where(n => n is not null && predicate(n)).Select(n => n!).OrderBy(n => n, System.StringComparer.Ordinal);

    /// <summary>Reads a vector output file.</summary>
    public static string Vector(string fileName) => Read("vectors", "out", fileName);
}
