using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>Runs the natdsl tool (built beside the tests) as a process: <c>dotnet NatDsl.Cli.dll …</c>.</summary>
public static class Cli
{
    /// <summary>How long one run may take on a busy machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The tool's entry assembly, copied beside the tests by the project reference.</summary>
    public static string ToolAssembly => Path.Combine(TestContext.CurrentContext.TestDirectory, "NatDsl.Cli.dll");

    /// <summary>The dotnet host that runs the tests (the SDK sets DOTNET_HOST_PATH), else "dotnet" from PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <c>natdsl args</c> in <paramref name="workingDirectory"/>.</summary>
    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <summary>Runs <c>natdsl args</c> with <paramref name="stdin"/> as standard input.</summary>
    public static CliResult Run(string workingDirectory, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost) { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(ToolAssembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Exec(start, stdin);
    }

    /// <summary>Runs any program and collects its output (stdout and stderr read concurrently).</summary>
    public static CliResult Exec(ProcessStartInfo start, string? stdin = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = new UTF8Encoding(false);
        start.StandardErrorEncoding = new UTF8Encoding(false);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            var bytes = new UTF8Encoding(false).GetBytes(stdin);
            process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(start.FileName + " " + string.Join(" ", start.ArgumentList) + " did not finish within " + Timeout);
        }
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
