using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace NatDsl.Package.Tests;

/// <summary>
/// Runs the dotnet CLI as a user would in a fresh shell: without the MSBuild and test-host variables
/// of the `dotnet test` process that runs these tests, without build servers (a lingering compiler
/// or MSBuild node would outlive the test and hold its output pipes), and with a time limit.
/// </summary>
internal static class DotnetCommand
{
    /// <summary>Generous: the package test shares a small machine with other builds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    public static string Host
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(host) ? "dotnet" : host;
        }
    }

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgram(Host, "dotnet", workingDirectory, environment, arguments);

    /// <summary>Runs a bash script of the repository with the same clean environment (it calls dotnet itself).</summary>
    public static CommandResult RunScript(string workingDirectory, string script, params string[] arguments)
    {
        var all = new List<string> { script };
        all.AddRange(arguments);
        return RunProgram("bash", "bash", workingDirectory, null, all.ToArray());
    }

    private static CommandResult RunProgram(string program, string displayName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (IsInherited(name)) continue;
            info.Environment.Remove(name);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (environment is not null)
        {
            foreach (var (name, value) in environment) info.Environment[name] = value;
        }

        var command = displayName + " " + string.Join(" ", arguments);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + command);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException(command + " did not finish within " + Timeout);
        }
        Task.WaitAll(output, error);
        watch.Stop();
        return new CommandResult(command, process.ExitCode, output.Result, error.Result, watch.Elapsed);
    }

    /// <summary>
    /// Variables set by `dotnet test`/MSBuild for their own children (MSBuild paths and flags, the
    /// test host's) would make the nested build use the outer build's settings; they are dropped.
    /// </summary>
    private static bool IsInherited(string name) =>
        !(name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
          || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
          || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
          || name.Equals("Configuration", StringComparison.OrdinalIgnoreCase)
          || name.Equals("Platform", StringComparison.OrdinalIgnoreCase));
}
