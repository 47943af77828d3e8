using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NatDsl.Benchmarks;

/// <summary>Wall and CPU times (seconds) of one operation on one size, warm-up excluded.</summary>
public readonly record struct CaseTimes(double WallMin, double WallMedian, double CpuMin, double CpuMedian);

/// <summary>
/// Each operation and size runs under BenchmarkDotNet in a process of its own (<c>--case OP SIZE</c>),
/// as BenchmarkDotNet's default toolchain would: the heap left by one benchmark (a 10,000-service
/// model, its listing text) must not slow the collections of the next one.
/// </summary>
public static class IsolatedCase
{
    private static readonly string[] Methods = { "SpecToRestoreText", "SpecToRuleSet", "RuleSetToRestoreText", "ParseSave", "ParseListing", "Diff", "Explain", "Trace", "Floor" };

    /// <summary>The parent side: runs the child, echoing its output, and reads its times; null with a reason when it fails.</summary>
    public static CaseTimes? Run(int operation, string size, bool quick, List<string> notes, out string? problem)
    {
        problem = null;
        using var process = quick
            ? ChildProcess.Start("--case", operation.ToString(CultureInfo.InvariantCulture), size, "--quick")
            : ChildProcess.Start("--case", operation.ToString(CultureInfo.InvariantCulture), size);
        var stderr = process.StandardError.ReadToEndAsync();
        CaseTimes? result = null;
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith("NOTE ", StringComparison.Ordinal))
            {
                notes.Add(line.Substring(5));
            }
            else if (line.StartsWith("CASE ", StringComparison.Ordinal))
            {
                var p = line.Split(' ');
                result = new CaseTimes(Parse(p[1]), Parse(p[2]), Parse(p[3]), Parse(p[4]));
            }
            else
            {
                Console.WriteLine(line);
            }
        }
        process.WaitForExit();
        if (result is null) problem = "child exited with " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + ": " + stderr.Result;
        return result;
    }

    /// <summary>The child side: BenchmarkDotNet in process for the one case; prints <c>CASE wallMin wallMedian cpuMin cpuMedian</c>.</summary>
    public static int RunChild(int operation, string size, bool quick)
    {
        ScaleBenchmarks.Sizes = new[] { size };
        // The JIT tiers code up over the first runs: a small workload's run is short (tens of
        // milliseconds), so it needs more of them before the measured ones (about ten, seen with --repeat).
        var warmup = size == "S" ? 15 : quick ? 2 : 3;
        var folder = Directory.CreateTempSubdirectory("natdsl-bench-case-").FullName;
        try
        {
            var job = Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(warmup)
                .WithIterationCount(quick ? 3 : 10)
                .WithInvocationCount(1)
                .WithUnrollFactor(1);
            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddLogger(ConsoleLogger.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .WithArtifactsPath(Path.Combine(folder, "artifacts"))
                .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary)
                .AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name == Methods[operation]));
            var summary = BenchmarkRunner.Run<ScaleBenchmarks>(config);
            var stats = summary.Reports.FirstOrDefault()?.ResultStatistics;
            var cpu = CpuSamples.Of(Operations.Names[operation], size)?.Skip(warmup);
            if (stats is null || cpu is null || cpu.Count == 0)
            {
                Console.Error.WriteLine("no result for " + Operations.Names[operation] + " " + size);
                return 1;
            }
            if (Operations.Note is { } note) Console.WriteLine("NOTE " + note);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CASE {stats.Min / 1e9:R} {stats.Median / 1e9:R} {cpu.Min:R} {cpu.Median:R}"));
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
