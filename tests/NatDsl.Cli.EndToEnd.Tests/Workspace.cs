using System;
using System.IO;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>
/// A temporary directory holding a copy of the test data (<c>dsl/</c>, <c>dumps/</c>), where the
/// tool runs with relative paths; deleted on dispose.
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "natdsl-e2e-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData"), Root);
    }

    public string Root { get; }

    /// <summary>The full path of a file in the workspace.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs the tool in the workspace.</summary>
    public CliResult Run(params string[] args) => Cli.Run(Root, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
