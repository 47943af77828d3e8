using System;
using System.IO;
using System.Linq;
using System.Reflection;
using NatDsl.Tests.Integration;
using NUnit.Framework;

namespace NatDsl.Tests.Cli;

/// <summary>
/// Runs the built natdsl tool as a separate process (<c>dotnet NatDsl.Cli.dll …</c>). The test
/// project builds the CLI first (a ProjectReference without its assembly) and records the path of
/// its output in the <c>NatDslCliPath</c> assembly attribute.
/// </summary>
public static class CliProcess
{
    private static readonly Lazy<string> CliPath = new Lazy<string>(Locate);

    /// <summary>Runs natdsl with <paramref name="arguments"/>, feeding <paramref name="standardInput"/> when given.</summary>
    public static ProcessResult RunWithInput(string? standardInput, params string[] arguments)
    {
        var all = new[] { CliPath.Value }.Concat(arguments).ToArray();
        return ProcessRunner.Run(DotnetHost(), all, standardInput, TimeSpan.FromSeconds(120));
    }

    /// <summary>Runs natdsl with <paramref name="arguments"/> and no standard input.</summary>
    public static ProcessResult Run(params string[] arguments) => RunWithInput(null, arguments);

    /// <summary>Asserts exit code 2, exactly one line on stderr (containing <paramref name="expected"/>), no stack trace.</summary>
    public static void AssertBadInput(ProcessResult result, string expected)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "stderr: " + result.StandardError);
        Assert.That(lines[0], Does.StartWith("natdsl: "));
        Assert.That(lines[0], Does.Contain(expected));
        Assert.That(result.StandardError, Does.Not.Contain("   at "), "stack trace on stderr");
        Assert.That(result.StandardOutput, Is.Empty);
    }

    private static string Locate()
    {
        var recorded = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NatDslCliPath")?.Value;
        if (string.IsNullOrEmpty(recorded)) Assert.Fail("the test assembly does not record the CLI path (NatDslCliPath attribute)");
        if (!File.Exists(recorded)) Assert.Fail("the CLI was not built: " + recorded + " is missing");
        return recorded!;
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate)) return candidate;
        }
        return "dotnet";
    }
}
