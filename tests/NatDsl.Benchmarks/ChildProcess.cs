using System.Diagnostics;

namespace NatDsl.Benchmarks;

/// <summary>This benchmark program started again as a child process (for a measurement that needs a fresh process).</summary>
public static class ChildProcess
{
    /// <summary>Starts <c>dotnet NatDsl.Benchmarks.dll ARGUMENTS</c> with its output and errors redirected.</summary>
    public static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info)!;
    }
}
