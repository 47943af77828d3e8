using System.Diagnostics;
using System.IO;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>
/// Progress on standard error: never when standard error is redirected (as in every other test
/// here) or with --quiet; on a terminal (a pseudo-terminal made by util-linux's <c>script</c>)
/// drawn in place and erased once the work that took more than a second is done.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class ProgressTests
{
    private const int Services = 30000;

    [Test]
    public void Long_work_writes_nothing_on_a_redirected_stderr()
    {
        using var work = new Workspace();
        work.Write("dumps/big.rules", BigDump.Save(Services));
        var clock = Stopwatch.StartNew();
        var converted = work.Run("convert", "dumps/big.rules", "--to", "rules", "-o", "big.S.txt");
        var diff = work.Run("diff", "dumps/big.rules", "big.S.txt");
        clock.Stop();

        Assert.That(converted.ExitCode, Is.EqualTo(0), converted.ToString());
        Assert.That(converted.Stderr, Is.Empty);
        Assert.That(diff.ExitCode, Is.EqualTo(0), diff.ToString());
        Assert.That(diff.Stderr, Is.Empty);
        Assert.That(diff.Stdout, Does.EndWith("rule sets are equal\n"));
        if (clock.Elapsed.TotalSeconds < 2.5) Assert.Inconclusive("the runs took " + clock.Elapsed + ": too fast to pass the one-second delay");
    }

    [Test]
    public void On_a_terminal_long_work_shows_progress_and_erases_it()
    {
        using var work = new Workspace();
        work.Write("dumps/big.rules", BigDump.Save(Services));
        var clock = Stopwatch.StartNew();
        var terminal = OnTerminal(work, "diff", "dumps/big.rules", "dumps/big.rules");
        if (clock.Elapsed.TotalSeconds < 2 && !terminal.Contains("natdsl:")) Assert.Inconclusive("the run took " + clock.Elapsed + ": too fast to pass the one-second delay");

        Assert.That(terminal, Does.Contain("\rnatdsl: reading and parsing dumps/big.rules  "));
        var last = terminal.LastIndexOf("\rnatdsl: ", System.StringComparison.Ordinal);
        var erased = terminal.Substring(last + 1);
        var lineLength = erased.IndexOf('\r');
        Assert.That(lineLength, Is.GreaterThan(0), terminal);
        Assert.That(erased.Substring(lineLength), Does.StartWith("\r" + new string(' ', lineLength) + "\r"), "the last line drawn is blanked: " + terminal);
        Assert.That(File.ReadAllText(work.PathOf("out.txt")), Does.EndWith("rule sets are equal\n"), "stdout is the report alone");
    }

    [Test]
    public void On_a_terminal_quiet_shows_no_progress()
    {
        using var work = new Workspace();
        work.Write("dumps/big.rules", BigDump.Save(Services));
        var terminal = OnTerminal(work, "diff", "--quiet", "dumps/big.rules", "dumps/big.rules");

        Assert.That(terminal, Does.Not.Contain("natdsl:"));
        Assert.That(File.ReadAllText(work.PathOf("out.txt")), Does.EndWith("rule sets are equal\n"));
    }

    /// <summary>
    /// Runs the tool with standard error on a pseudo-terminal and standard output in out.txt;
    /// returns what reached the terminal.
    /// </summary>
    private static string OnTerminal(Workspace work, params string[] args)
    {
        if (!File.Exists("/usr/bin/script")) Assert.Ignore("util-linux script is not installed: no pseudo-terminal to run the tool on");
        var command = Quote(Cli.DotnetHost) + " " + Quote(Cli.ToolAssembly);
        foreach (var arg in args) command += " " + Quote(arg);
        command += " > out.txt";
        var start = new ProcessStartInfo("/usr/bin/script") { WorkingDirectory = work.Root, ArgumentList = { "-q", "-e", "-c", command, "/dev/null" } };
        var result = Cli.Exec(start);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result.Stdout;
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
