using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NatDsl.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/NatDsl.Benchmarks -- --quick</c>: runs the NatDsl
/// operations on the S and M workloads under BenchmarkDotNet (in process), the peers (real
/// iptables-legacy-restore --test in a namespace, Perl's IPTables::Parse), peak memory per
/// operation (child processes) and delta-vs-full restore times, and prints one table.
/// Options: <c>--quick</c> (few iterations), <c>--sizes S</c> / <c>--sizes S,M</c>,
/// <c>--ops 0,2</c> (only those operations, by number in the table's order), <c>--no-peers</c>, <c>--no-peak</c>, <c>--no-delta</c>; <c>--delta-only</c> runs just the delta restore timing; <c>--delta-files DIR</c> writes its old, new, delta and kube-proxy sync rules; <c>--repeat OP SIZE N</c> runs operation
/// number OP (0-based, in the table's order) N times alone, for a profiler; <c>--alloc OP SIZE</c>
/// prints where operation OP allocates (sampled GC allocation events by type, and the exact total);
/// <c>--trace-hash SIZE</c> prints a hash of 40,000 traces in full (see <see cref="TraceHash"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--peak") return PeakMemory.RunChild(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        if (args.Length >= 3 && args[0] == "--case") return IsolatedCase.RunChild(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args.Contains("--quick"));
        if (args.Length == 4 && args[0] == "--repeat") return Repeat(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], int.Parse(args[3], CultureInfo.InvariantCulture));

        if (args.Length == 2 && args[0] == "--delta-files")
        {
            Directory.CreateDirectory(args[1]);
            var (o, n, d, k) = DeltaTiming.WriteFiles(args[1]);
            Console.WriteLine(o + "\n" + n + "\n" + d + "\n" + k);
            return 0;
        }
        if (args.Length == 2 && args[0] == "--trace-hash") return TraceHash.Run(args[1]);
        if (args.Length == 3 && args[0] == "--alloc")
        {
            var inp = BenchmarkInputs.For(args[2]);
            var name = Operations.Names[int.Parse(args[1])];
            Operations.Prepare(name, inp);
            using var sampler = new AllocSampler();
            sampler.On = true;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            Operations.Run(name, inp);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            sampler.On = false;
            sampler.Print();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,10:F1} MB  total allocated (all types, exact)", allocated / 1e6));
            return 0;
        }
        var quick = args.Contains("--quick");
        if (args.Contains("--delta-only"))
        {
            var why = Peers.IptablesUnavailable();
            if (why is not null) { Console.Error.WriteLine("delta restore timing needs iptables: " + why); return 2; }
            var dir = Directory.CreateTempSubdirectory("natdsl-delta-").FullName;
            try
            {
                var deltas = DeltaTiming.Measure(dir, quick ? 2 : 5);
                Report.PrintDeltas(Console.Out, deltas);
                foreach (var line in Report.DeltaTargets(deltas)) Console.WriteLine("  " + line);
                return 0;
            }
            finally { Directory.Delete(dir, recursive: true); }
        }
        var sizes = new[] { "S", "M" };
        var i = Array.IndexOf(args, "--sizes");
        if (i >= 0 && i + 1 < args.Length) sizes = args[i + 1].Split(',');
        ScaleBenchmarks.Sizes = sizes;

        var folder = Path.Combine(Path.GetTempPath(), "natdsl-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            var report = new Report(sizes);
            var only = Array.IndexOf(args, "--ops");
            var ops = only >= 0 && only + 1 < args.Length
                ? args[only + 1].Split(',').Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToArray()
                : Enumerable.Range(0, Operations.Names.Length).ToArray();
            foreach (var op in ops)
            {
                foreach (var size in sizes)
                {
                    Console.WriteLine("benchmark: " + Operations.Names[op] + " " + size + " (own process)");
                    if (IsolatedCase.Run(op, size, quick, report.Notes, out var problem) is { } times) report.Times[Operations.Names[op] + "/" + size] = times;
                    else
                    {
                        report.Failed.Add(Operations.Names[op] + "/" + size);
                        report.Notes.Add(Operations.Names[op] + " " + size + " failed: " + problem);
                    }
                }
            }
            foreach (var size in sizes)
            {
                report.Bytes[size] = BenchmarkInputs.WriteFiles(size, folder);
                report.Shapes[size] = Report.Describe(size);
                BenchmarkInputs.Release();
            }

            if (!args.Contains("--no-peers")) MeasurePeers(report, sizes, folder, quick);
            if (!args.Contains("--no-peak"))
            {
                foreach (var size in sizes)
                {
                    for (var op = 0; op < Operations.Names.Length; op++)
                    {
                        Console.WriteLine("peak memory: " + Operations.Names[op] + " " + size);
                        var result = PeakMemory.Measure(op, size, out var problem);
                        if (result is { } r) report.Peaks[Operations.Names[op] + "/" + size] = r;
                        else report.Notes.Add("peak memory of " + Operations.Names[op] + " " + size + " not measured: " + problem);
                    }
                }
            }
            if (!args.Contains("--no-delta"))
            {
                var why = Peers.IptablesUnavailable();
                if (why is null) report.Deltas = DeltaTiming.Measure(folder, quick ? 2 : 5);
                else report.Notes.Add("delta restore timing skipped: " + why);
            }
            report.Print(Console.Out);
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary><c>--repeat OP SIZE N</c>: runs one operation N times and prints each CPU and wall time (for profilers).</summary>
    private static int Repeat(int operation, string size, int times)
    {
        var name = Operations.Names[operation];
        var input = BenchmarkInputs.For(size);
        Operations.Prepare(name, input);
        for (var n = 0; n < times; n++)
        {
            var cpu = CpuClock.Now();
            var pause = GC.GetTotalPauseDuration();
            var gen0 = GC.CollectionCount(0);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            var wall = System.Diagnostics.Stopwatch.StartNew();
            Operations.Run(name, input);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1}: CPU {2:F3} s, wall {3:F3} s, GC pauses {4:F3} s ({5} gen0, {6} gen1, {7} gen2 collections; gen2 is {8:F0} MB after the last)", name, size, CpuClock.Now() - cpu, wall.Elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - pause).TotalSeconds,
                GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo[2].SizeAfterBytes / 1e6));
        }
        return 0;
    }

    private static void MeasurePeers(Report report, string[] sizes, string folder, bool quick)
    {
        var iptables = Peers.IptablesUnavailable();
        if (iptables is not null)
        {
            report.Notes.Add("iptables-legacy-restore --test skipped: " + iptables);
        }
        else
        {
            using var ns = new NetworkNamespace("test");
            foreach (var size in sizes)
            {
                var wall = new Samples();
                var cpu = new Samples();
                for (var r = 0; r < (quick ? 2 : 5); r++)
                {
                    Console.WriteLine("iptables-legacy-restore --test " + size + " #" + (r + 1).ToString(CultureInfo.InvariantCulture));
                    var (w, c) = Peers.RestoreTest(ns, BenchmarkInputs.SavePath(size, folder));
                    wall.Add(w);
                    cpu.Add(c);
                }
                report.Peers["iptables-legacy-restore --test/" + size] = (wall, cpu, string.Empty);
            }
        }

        var perl = Peers.PerlUnavailable();
        if (perl is not null)
        {
            report.Notes.Add("IPTables::Parse skipped: " + perl);
            return;
        }
        foreach (var size in sizes)
        {
            var wall = new Samples();
            var cpu = new Samples();
            var counts = string.Empty;
            for (var r = 0; r < (quick || size == "M" ? 1 : 3); r++)
            {
                Console.WriteLine("IPTables::Parse " + size + " #" + (r + 1).ToString(CultureInfo.InvariantCulture));
                var (w, c, n) = Peers.PerlParse(BenchmarkInputs.ListingPath(size, folder), "nat");
                wall.Add(w);
                cpu.Add(c);
                counts = n;
            }
            report.Peers["IPTables::Parse (Perl)/" + size] = (wall, cpu, counts);
        }
    }
}
