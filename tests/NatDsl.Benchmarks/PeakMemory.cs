using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace NatDsl.Benchmarks;

/// <summary>
/// Peak memory of one operation, measured in a fresh child process: inputs are built, the
/// heap is collected, the kernel's resident-set high-water mark is reset
/// (<c>/proc/self/clear_refs</c>), the operation runs, and the new high-water mark
/// (<c>VmHWM</c>) less the resident set before it is the operation's peak.
/// </summary>
public static class PeakMemory
{
    public readonly record struct Result(long PeakBytes, long BaseBytes, long AllocatedBytes)
    {
        public long ExtraBytes => Math.Max(0, PeakBytes - BaseBytes);
    }

    /// <summary>The child side: prints one <c>PEAK</c> line.</summary>
    public static int RunChild(int operation, string size)
    {
        var name = Operations.Names[operation];
        var input = BenchmarkInputs.For(size);
        Operations.Prepare(name, input);
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        File.WriteAllText("/proc/self/clear_refs", "5");
        var before = Status("VmRSS:");
        var allocated = GC.GetTotalAllocatedBytes(true);
        Operations.Run(name, input);
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        var peak = Status("VmHWM:");
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "PEAK {0} {1} {2}", peak, before, allocated));
        return 0;
    }

    /// <summary>The parent side: runs the child and reads its result; null with a reason when it cannot.</summary>
    public static Result? Measure(int operation, string size, out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux())
        {
            problem = "peak memory needs Linux /proc";
            return null;
        }
        using var process = ChildProcess.Start("--peak", operation.ToString(CultureInfo.InvariantCulture), size);
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        foreach (var line in output.Split('\n'))
        {
            if (!line.StartsWith("PEAK ", StringComparison.Ordinal)) continue;
            var parts = line.Trim().Split(' ');
            return new Result(long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        problem = "child failed: " + output + stderr.Result;
        return null;
    }

    private static long Status(string key)
    {
        foreach (var line in File.ReadAllLines("/proc/self/status"))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var text = line.Substring(key.Length).Trim();
            var kb = text.Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }
}
