using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace NatDsl.Tests.Integration;

/// <summary>Runs a program with arguments and optional standard input, with a time limit.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> and waits for it (at most <paramref name="timeout"/>).</summary>
    public static ProcessResult Run(string file, string[] arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            var bytes = new UTF8Encoding(false).GetBytes(standardInput);
            process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
        }
        process.StandardInput.Close();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (!process.WaitForExit((int)limit.TotalMilliseconds))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException(file + " " + string.Join(" ", arguments) + " did not finish within " + limit);
        }
        Task.WaitAll(stdout, stderr);
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
