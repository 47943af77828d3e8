using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace NatDsl.Cli.Tests;

/// <summary>Locates the test data copied beside the test assembly.</summary>
public static class TestFiles
{
    /// <summary>The TestData folder beside the test assembly.</summary>
    public static string Root => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData");

    /// <summary>Reads a file under TestData as UTF-8 without altering line ends.</summary>
    public static string Read(params string[] parts) =>
        File.ReadAllText(Path.Combine(new[] { Root }.Concat(parts).ToArray()), new UTF8Encoding(false));
}
