using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>
/// The tool as users get it: <c>dotnet pack</c> of src/Cli, <c>dotnet tool install</c> from that
/// folder only (a temporary nuget.config and package cache, so nothing is fetched: the tool
/// package carries its dependencies), then the installed <c>natdsl</c> runs.
/// </summary>
[TestFixture]
[Category("Slow")]
[Parallelizable(ParallelScope.Self)]
public class ToolPackageTests
{
    [Test]
    public void Packed_tool_installs_from_a_local_folder_and_runs()
    {
        var repository = RepositoryRoot();
        var project = Path.Combine(repository, "src", "Cli", "natdsl.csproj");
        var package = XDocument.Load(project).Descendants();
        var id = package.Single(e => e.Name.LocalName == "PackageId").Value;
        var version = package.Single(e => e.Name.LocalName == "Version").Value;
        var command = package.Single(e => e.Name.LocalName == "ToolCommandName").Value;

        using var work = new Workspace();
        var feed = work.PathOf("feed");
        var tools = work.PathOf("tools");
        File.WriteAllText(work.PathOf("nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
            "    <add key=\"local\" value=\"" + feed + "\" />\n  </packageSources>\n</configuration>\n");

        // The test assembly's configuration is the one the solution build made for src/Cli; nothing
        // is rebuilt (the generator's reference to the runtime would otherwise ask for a build).
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var pack = Dotnet(work, "pack", project, "-c", configuration, "--no-build", "-p:BuildProjectReferences=false", "-o", feed, "-nodeReuse:false");
        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.ToString());
        Assert.That(File.Exists(Path.Combine(feed, id + "." + version + ".nupkg")), Is.True, pack.ToString());

        var install = Dotnet(work, "tool", "install", id, "--version", version, "--tool-path", tools, "--configfile", work.PathOf("nuget.config"));
        Assert.That(install.ExitCode, Is.EqualTo(0), install.ToString());

        var natdsl = Path.Combine(tools, OperatingSystem.IsWindows() ? command + ".exe" : command);
        var versionRun = Cli.Exec(new ProcessStartInfo(natdsl, "--version") { WorkingDirectory = work.Root });
        Assert.That(versionRun.ExitCode, Is.EqualTo(0), versionRun.ToString());
        Assert.That(versionRun.Stdout, Does.StartWith(version));

        var help = Cli.Exec(new ProcessStartInfo(natdsl) { WorkingDirectory = work.Root, ArgumentList = { "generate", "--help" } });
        Assert.That(help.ExitCode, Is.EqualTo(0), help.ToString());
        Assert.That(help.Stdout, Does.Contain("Usage:\n  " + command + " generate [<input>] [options]\n"));

        var generate = Cli.Exec(new ProcessStartInfo(natdsl) { WorkingDirectory = work.Root, ArgumentList = { "generate", "dsl/SeedCluster.cs", "-o", "out" } });
        Assert.That(generate.ExitCode, Is.EqualTo(0), generate.ToString());
        Assert.That(File.ReadAllText(work.PathOf("out/SeedCluster.rules")), Does.StartWith("*filter\n"));

        var invalid = Cli.Exec(new ProcessStartInfo(natdsl) { WorkingDirectory = work.Root, ArgumentList = { "generate", "dsl/InvalidCidr.cs" } });
        Assert.That(invalid.ExitCode, Is.EqualTo(1), invalid.ToString());
        Assert.That(invalid.Stderr, Does.Contain("error NATDSL006"));
    }

    private static CliResult Dotnet(Workspace work, params string[] args)
    {
        var start = new ProcessStartInfo(Cli.DotnetHost) { WorkingDirectory = work.Root };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NUGET_PACKAGES"] = work.PathOf("packages");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        return Cli.Exec(start);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NatDsl.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("NatDsl.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
