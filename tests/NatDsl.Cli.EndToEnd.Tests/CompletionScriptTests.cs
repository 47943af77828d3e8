using System;
using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>
/// The scripts <c>natdsl completion bash|fish</c> prints, loaded into the real shells with the
/// tool on the PATH: each shell asks the tool and completes commands, option values and file
/// names. (CI installs fish; bash is always there.)
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class CompletionScriptTests
{
    private Workspace _work = null!;
    private string _bin = null!;

    [OneTimeSetUp]
    public void MakeToolCommand()
    {
        _work = new Workspace();
        _bin = _work.PathOf("bin");
        _work.Write("bin/natdsl", "#!/bin/sh\nexec '" + Cli.DotnetHost + "' '" + Cli.ToolAssembly + "' \"$@\"\n");
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(_work.PathOf("bin/natdsl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        else Assert.Ignore("the completion scripts are for bash and fish on Linux");
        _work.Write("node1.rules", "");
        _work.Write("node2.txt", "");
        foreach (var shell in new[] { "bash", "fish" })
        {
            var script = _work.Run("completion", shell);
            Assert.That(script.ExitCode, Is.EqualTo(0), script.ToString());
            _work.Write("natdsl." + shell, script.Stdout);
        }
    }

    [OneTimeTearDown]
    public void Delete() => _work.Dispose();

    // The bash driver sets what bash sets for a completion function (the line, the cursor, the
    // words) and prints COMPREPLY sorted, one per line.
    private const string BashDriver =
        "source ./natdsl.bash\n" +
        "COMP_LINE=\"$1\"; COMP_POINT=${#1}; read -ra COMP_WORDS <<< \"$1\"\n" +
        "[[ $1 == *' ' ]] && COMP_WORDS+=('')\n" +
        "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n" +
        "_natdsl_complete\n" +
        "printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n";

    [TestCase("natdsl conv", "convert")]
    [TestCase("natdsl convert node", "node1.rules node2.txt")]
    [TestCase("natdsl convert node1.rules --to ", "listing rules save")]
    [TestCase("natdsl convert node1.rules --t", "--table --to")]
    [TestCase("natdsl trace node1.rules --proto u", "udp")]
    [TestCase("natdsl diff node1.rules no", "node1.rules node2.txt")]
    public void Bash_completes_through_the_tool(string line, string expected)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _work.Root };
        foreach (var arg in new[] { "--noprofile", "--norc", "-c", BashDriver, "driver", line }) start.ArgumentList.Add(arg);
        Assert.That(Words(Run(start)), Is.EqualTo(expected));
    }

    [TestCase("natdsl conv", "convert")]
    [TestCase("natdsl convert node", "node1.rules node2.txt")]
    [TestCase("natdsl convert node1.rules --to ", "listing rules save")]
    [TestCase("natdsl import node1.rules --profile v", "v1.12")]
    [TestCase("natdsl completion ", "bash fish")]
    public void Fish_completes_through_the_tool(string line, string expected)
    {
        var fish = new[] { "/usr/bin/fish", "/bin/fish", "/usr/local/bin/fish" };
        var path = Array.Find(fish, File.Exists);
        if (path is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("fish is not installed (.ci/run installs it)");
            Assert.Ignore("fish is not installed");
        }
        var start = new ProcessStartInfo(path!) { WorkingDirectory = _work.Root };
        foreach (var arg in new[] { "--no-config", "-c", "source ./natdsl.fish; complete -C $argv[1] | sort", line }) start.ArgumentList.Add(arg);
        Assert.That(Words(Run(start)), Is.EqualTo(expected));
    }

    private CliResult Run(ProcessStartInfo start)
    {
        start.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        var result = Cli.Exec(start);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    // fish prints "candidate<TAB>description": the candidates only, on one line.
    private static string Words(CliResult result) =>
        string.Join(" ", Array.ConvertAll(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Split('\t')[0]));
}
