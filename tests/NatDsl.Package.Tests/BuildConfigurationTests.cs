using System.IO;
using NUnit.Framework;

namespace NatDsl.Package.Tests;

/// <summary>
/// Determinism across build configurations: <c>fuzz/compare-configurations.sh</c> builds the core
/// pipeline (compile, render save/-S/listings, parse every vector, diff, explain, trace) and the
/// <c>natdsl</c> tool in Debug and in Release and compares what they print byte for byte.
/// </summary>
[TestFixture]
[NonParallelizable]
public class BuildConfigurationTests
{
    [Test]
    public void Debug_and_Release_builds_print_identical_bytes()
    {
        var result = DotnetCommand.RunScript(RepositoryRoot.Path, "fuzz/compare-configurations.sh");
        TestContext.Out.WriteLine(result.Transcript);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Transcript);
        Assert.That(result.Output, Does.Contain("pipeline: Debug and Release outputs identical"));
        Assert.That(result.Output, Does.Contain("cli: Debug and Release outputs identical"));
        // What was compared is real output, not two identical error messages.
        var cli = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "fuzz", "out", "configurations", "cli-Release.txt"));
        Assert.That(cli, Does.Contain("*nat").And.Contain("-A KUBE-SERVICES").And.Contain("KUBE-SEP-"));
        Assert.That(cli, Does.Not.Contain("(exit 2)").And.Not.Contain("(exit 3)").And.Not.Contain("natdsl: internal error"));
    }
}
