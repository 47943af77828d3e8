using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>The tool's root: version and help.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class RootCommandTests
{
    [Test]
    public void Version_is_the_package_version()
    {
        using var work = new Workspace();
        var result = work.Run("--version");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Match(@"^0\.1\.0(\+[0-9a-f]+)?\n$"));
    }

    [Test]
    public void Help_lists_generate_verify_and_import()
    {
        using var work = new Workspace();
        var result = work.Run("--help");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("generate").And.Contain("verify").And.Contain("import"));
    }

    [TestCase("generate")]
    [TestCase("verify")]
    [TestCase("import")]
    public void Each_command_has_help(string command)
    {
        using var work = new Workspace();
        var result = work.Run(command, "--help");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("Usage:"));
    }

    /// <summary>
    /// The tests run the tool as <c>dotnet NatDsl.Cli.dll</c>, where System.CommandLine's root
    /// command would be named after the assembly: the usage must name the tool as users call it.
    /// </summary>
    [TestCase(new string[0], "  natdsl [command] [options]\n")]
    [TestCase(new[] { "generate" }, "  natdsl generate [<input>] [options]\n")]
    [TestCase(new[] { "diff" }, "  natdsl diff <expected> <actual> [options]\n")]
    public void Usage_names_the_tool_natdsl(string[] command, string usage)
    {
        using var work = new Workspace();
        var args = new System.Collections.Generic.List<string>(command) { "--help" };
        var result = work.Run(args.ToArray());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("Usage:\n" + usage));
        Assert.That(result.Stdout, Does.Not.Contain("NatDsl.Cli"));
    }
}
