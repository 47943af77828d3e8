using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace NatDsl.Package.Tests;

/// <summary>
/// Once per test run: a unique temporary folder outside the repository, the NatDsl package packed
/// from the sources into its feed/ folder with a unique prerelease version, and the files that make
/// the folder a clean place for consumer projects (a nuget.config that maps NatDsl to the feed and
/// everything else to the machine's nuget.org source, and empty Directory.Build.* and
/// Directory.Packages.props that stop MSBuild from looking further up). Deleted at the end.
/// </summary>
[SetUpFixture]
[Category("Slow")]
public sealed class PackageWorkspace
{
    private static PackageWorkspace? _current;

    /// <summary>The workspace of this run.</summary>
    public static PackageWorkspace Current => _current ?? throw new InvalidOperationException("the package workspace was not set up");

    /// <summary>The temporary folder.</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>The local package source holding the packed NatDsl package.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The version packed in this run: never in any package cache before.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>The .nupkg file.</summary>
    public string PackagePath => Path.Combine(Feed, "NatDsl." + Version + ".nupkg");

    /// <summary>How long `dotnet pack` took.</summary>
    public TimeSpan PackTime { get; private set; }

    /// <summary>A private global packages folder for the consumer builds, so no machine cache is used or filled.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
    };

    [OneTimeSetUp]
    public void PackIntoTemporaryFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "natdsl-package-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Version = "0.1.0-test." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        WriteIsolation();

        var pack = DotnetCommand.Run(Root, null,
            "pack", Path.Combine(RepositoryRoot.Path, "src", "Runtime", "NatDsl.csproj"),
            "-c", "Release",
            "-o", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version,
            "--disable-build-servers");
        PackTime = pack.Elapsed;
        TestContext.Progress.WriteLine("natdsl package test: dotnet pack took " + Seconds(pack.Elapsed) + " s");
        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.Transcript);
        Assert.That(File.Exists(PackagePath), Is.True, "no " + PackagePath + "\n" + pack.Transcript);
        _current = this;
    }

    [OneTimeTearDown]
    public void DeleteWorkspace()
    {
        _current = null;
        if (Root.Length == 0 || !Directory.Exists(Root)) return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException exception)
        {
            TestContext.Progress.WriteLine("natdsl package test: could not delete " + Root + ": " + exception.Message);
        }
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private void WriteIsolation()
    {
        Directory.CreateDirectory(Feed);
        // No URL: the key "nuget.org" is the machine's default source; only NatDsl comes from the feed.
        Write("nuget.config",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<configuration>\n" +
            "  <packageSources>\n" +
            "    <add key=\"natdsl-test-feed\" value=\"feed\" />\n" +
            "  </packageSources>\n" +
            "  <packageSourceMapping>\n" +
            "    <packageSource key=\"natdsl-test-feed\">\n" +
            "      <package pattern=\"NatDsl\" />\n" +
            "    </packageSource>\n" +
            "    <packageSource key=\"nuget.org\">\n" +
            "      <package pattern=\"*\" />\n" +
            "    </packageSource>\n" +
            "  </packageSourceMapping>\n" +
            "</configuration>\n");
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            Write(name, "<Project>\n  <!-- Stops MSBuild from importing anything above this folder. -->\n</Project>\n");
        }
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Root, name), text, new UTF8Encoding(false));

    /// <summary>Names of the files in the package.</summary>
    public IReadOnlyList<string> PackageEntries()
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(PackagePath);
        return archive.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>The text of a file in the package.</summary>
    public string PackageText(string entry)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(PackagePath);
        using var reader = new StreamReader(archive.GetEntry(entry)!.Open(), new UTF8Encoding(false));
        return reader.ReadToEnd();
    }
}
