using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NatDsl.Benchmarks;

/// <summary>Collects every measurement of the run and prints the one table, with the targets.</summary>
public sealed class Report
{
    private readonly string[] _sizes;

    public Report(string[] sizes)
    {
        _sizes = sizes;
    }

    /// <summary>Each operation's times by "operation/size", measured in a process of its own.</summary>
    public Dictionary<string, CaseTimes> Times { get; } = new Dictionary<string, CaseTimes>();

    /// <summary>The "operation/size" cases that were run and failed (the reason is in <see cref="Notes"/>).</summary>
    public HashSet<string> Failed { get; } = new HashSet<string>();

    public Dictionary<string, (long Save, long Listing)> Bytes { get; } = new Dictionary<string, (long, long)>();

    public Dictionary<string, (Samples Wall, Samples Cpu, string Info)> Peers { get; } = new Dictionary<string, (Samples, Samples, string)>();

    public Dictionary<string, PeakMemory.Result> Peaks { get; } = new Dictionary<string, PeakMemory.Result>();

    public List<DeltaTiming.Result>? Deltas { get; set; }

    public Dictionary<string, string> Shapes { get; } = new Dictionary<string, string>();

    public List<string> Notes { get; } = new List<string>();

    private CaseTimes? TimesOf(string operation, string size) => Times.TryGetValue(operation + "/" + size, out var t) ? t : null;

    public void Print(TextWriter w)
    {
        var rows = new List<string[]>();
        rows.Add(new[] { "operation", "size", "wall min", "wall median", "CPU min", "CPU median", "rate (wall median)", "peak Δ / allocated", "× floor", "vs peer (wall)", "M/S (wall)" });
        foreach (var op in Operations.Names)
        {
            foreach (var size in _sizes)
            {
                var t = TimesOf(op, size);
                if (t is null)
                {
                    if (!Failed.Contains(op + "/" + size)) continue;
                    rows.Add(new[] { op, size, "failed", "", "", "", "", "", "", "", "" });
                    continue;
                }
                var (wmin, wmed, cmin, cmed) = (t.Value.WallMin, t.Value.WallMedian, t.Value.CpuMin, t.Value.CpuMedian);
                rows.Add(new[]
                {
                    op, size, Seconds(wmin), Seconds(wmed), Seconds(cmin), Seconds(cmed), Rate(op, size, wmed), Peak(op, size),
                    FloorRatio(op, size, wmed), PeerRatio(op, size, wmed), size == "M" ? Growth(op) : string.Empty,
                });
            }
        }
        foreach (var peer in Peers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var parts = peer.Key.Split('/');
            var (wall, cpu, info) = peer.Value;
            var rate = parts[0].StartsWith("iptables", StringComparison.Ordinal)
                ? MegabytesPerSecond(Bytes[parts[1]].Save, wall.Median)
                : MegabytesPerSecond(Bytes[parts[1]].Listing, wall.Median);
            rows.Add(new[] { "peer: " + parts[0], parts[1], Seconds(wall.Min), Seconds(wall.Median), Seconds(cpu.Min), Seconds(cpu.Median), rate, info, string.Empty, string.Empty, string.Empty });
        }

        w.WriteLine();
        w.WriteLine("NatDsl at cluster scale — " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " cores, load average " + LoadAverage() + " at the end of the run");
        w.WriteLine("Times in seconds; wall = BenchmarkDotNet's measurement (what the targets are judged on: the time a user waits); CPU = the process's user+system time, all threads (above wall where work runs on both cores); each operation and size runs in a process of its own.");
        foreach (var size in _sizes)
        {
            if (Bytes.TryGetValue(size, out var b)) w.WriteLine("  " + size + ": save text " + Megabytes(b.Save) + ", nat listing " + Megabytes(b.Listing) + ", " + (Shapes.TryGetValue(size, out var shape) ? shape : string.Empty));
        }
        w.WriteLine();
        Table(w, rows);
        if (Deltas is not null) PrintDeltas(w, Deltas);
        w.WriteLine();
        w.WriteLine("Targets (wall medians: the time a user waits, several cores where the code uses them; CPU shown where it differs):");
        foreach (var line in Targets()) w.WriteLine("  " + line);
        foreach (var note in Notes) w.WriteLine("note: " + note);
    }

    private IEnumerable<string> Targets()
    {
        if (!_sizes.Contains("M"))
        {
            yield return "(targets are about M; run with M)";
            yield break;
        }
        var compile = TimesOf("spec→restore text", "M");
        if (compile is { } c) yield return Verdict(c.WallMedian < 1.0, "M spec→restore text < 1 s: " + Seconds(c.WallMedian) + " wall, " + Seconds(c.CpuMedian) + " CPU");
        if (Peaks.TryGetValue("spec→restore text/M", out var peak)) yield return Verdict(peak.PeakBytes < (1L << 30), "M spec→restore text peak < 1 GiB: process peak " + Megabytes(peak.PeakBytes) + " (" + Megabytes(peak.ExtraBytes) + " above the inputs)");
        if (compile is { } c2 && TimesOf("floor (copy save bytes)", "M") is { } f) yield return Verdict(c2.WallMedian < 5 * f.WallMedian, "M spec→restore text within 5× the byte-copy floor: " + Ratio(c2.WallMedian / f.WallMedian));
        var parse = TimesOf("parse save", "M");
        if (parse is { } p)
        {
            var rate = Bytes["M"].Save / p.WallMedian / 1e6;
            yield return Verdict(rate >= 150, "parse M save ≥ 150 MB/s: " + rate.ToString("F0", CultureInfo.InvariantCulture) + " MB/s (" + (Bytes["M"].Save / p.CpuMedian / 1e6).ToString("F0", CultureInfo.InvariantCulture) + " MB/s of CPU)");
            if (Peers.TryGetValue("iptables-legacy-restore --test/M", out var ipt)) yield return Verdict(ipt.Wall.Median >= 2 * p.WallMedian, "parse M save ≥ 2× faster than iptables-legacy-restore --test: " + Ratio(ipt.Wall.Median / p.WallMedian) + " (CPU " + Ratio(ipt.Cpu.Median / p.CpuMedian) + ")");
        }
        foreach (var size in _sizes)
        {
            if (TimesOf("parse listing", size) is { } l && Peers.TryGetValue("IPTables::Parse (Perl)/" + size, out var perl))
            {
                yield return Verdict(perl.Wall.Median >= 20 * l.WallMedian, "parse " + size + " listing ≥ 20× faster than IPTables::Parse: " + Ratio(perl.Wall.Median / l.WallMedian) + " (CPU " + Ratio(perl.Cpu.Median / l.CpuMedian) + ")");
            }
        }
        if (TimesOf("diff (1 endpoint)", "M") is { } d) yield return Verdict(d.WallMedian < 0.5, "diff of two M models < 0.5 s: " + Seconds(d.WallMedian) + " wall, " + Seconds(d.CpuMedian) + " CPU");
        if (TimesOf("trace", "M") is { } t)
        {
            var rate = BenchmarkInputs.TracePackets / t.WallMedian;
            yield return Verdict(rate >= 100000, "trace on M ≥ 100,000 packets/s: " + rate.ToString("N0", CultureInfo.InvariantCulture) + " packets/s (" + (BenchmarkInputs.TracePackets / t.CpuMedian).ToString("N0", CultureInfo.InvariantCulture) + " per CPU second)");
        }
        if (_sizes.Contains("S"))
        {
            foreach (var op in Operations.Names)
            {
                if (TimesOf(op, "S") is { } s && TimesOf(op, "M") is { } m) yield return Verdict(m.WallMedian <= 12 * s.WallMedian, "M ≤ 12× S for " + op + ": " + Ratio(m.WallMedian / s.WallMedian) + " (CPU " + Ratio(m.CpuMedian / s.CpuMedian) + ")");
            }
        }
        if (Deltas is not null)
        {
            foreach (var line in DeltaTargets(Deltas)) yield return line;
        }
    }

    /// <summary>The delta restore table (also printed alone by <c>--delta-only</c>).</summary>
    public static void PrintDeltas(TextWriter w, List<DeltaTiming.Result> deltas)
    {
        w.WriteLine();
        w.WriteLine("Delta restore vs full restore (2,000 services; one endpoint moved, one service added, one removed; each sample starts from the old rules and ends equal to the new):");
        w.WriteLine("  full = iptables-restore NEW (flushes the tables); kube-proxy sync = iptables-restore --noflush with every chain kube-proxy owns declared and rewritten, stale ones deleted (what kube-proxy writes on a full sync)");
        var d = new List<string[]> { new[] { "backend", "delta lines", "delta wall (min/med)", "delta CPU (min/med)", "full lines", "full wall (min/med)", "full CPU (min/med)", "gain wall", "gain CPU", "sync lines", "sync wall (min/med)", "sync CPU (min/med)", "gain CPU vs sync" } };
        foreach (var r in deltas)
        {
            d.Add(new[]
            {
                "iptables-" + r.Backend, r.DeltaLines.ToString(CultureInfo.InvariantCulture), Seconds(r.DeltaWall.Min) + " / " + Seconds(r.DeltaWall.Median),
                Seconds(r.DeltaCpu.Min) + " / " + Seconds(r.DeltaCpu.Median), r.FullLines.ToString(CultureInfo.InvariantCulture),
                Seconds(r.FullWall.Min) + " / " + Seconds(r.FullWall.Median), Seconds(r.FullCpu.Min) + " / " + Seconds(r.FullCpu.Median),
                Ratio(r.FullWall.Median / r.DeltaWall.Median), Ratio(r.FullCpu.Median / r.DeltaCpu.Median),
                r.SyncLines.ToString(CultureInfo.InvariantCulture), Seconds(r.SyncWall.Min) + " / " + Seconds(r.SyncWall.Median),
                Seconds(r.SyncCpu.Min) + " / " + Seconds(r.SyncCpu.Median), Ratio(r.SyncCpu.Median / r.DeltaCpu.Median),
            });
        }
        Table(w, d);
        w.WriteLine();
        w.WriteLine("Floors: the smallest --noflush restores on the same loaded node (wall, min/med); a delta that adds or removes a service needs at least a rule with a verdict and a positioned KUBE-SERVICES edit:");
        var f = new List<string[]> { new[] { "backend", "new empty chain", "+ rule without verdict", "+ rule with verdict (-j RETURN)", "KUBE-SERVICES rule 1 deleted and re-inserted", "full / that edit (best possible gain)" } };
        foreach (var r in deltas)
        {
            var x = r.Floors;
            f.Add(new[]
            {
                "iptables-" + r.Backend, MinMedian(x.EmptyChain), MinMedian(x.RuleWithoutVerdict), MinMedian(x.RuleWithVerdict), MinMedian(x.PositionedEdit),
                Ratio(r.FullWall.Median / x.PositionedEdit.Median),
            });
        }
        Table(w, f);
    }

    /// <summary>The delta restore targets.</summary>
    public static IEnumerable<string> DeltaTargets(List<DeltaTiming.Result> deltas)
    {
        foreach (var r in deltas)
        {
            var gain = r.FullWall.Median / r.DeltaWall.Median;
            var syncGain = r.SyncWall.Median / r.DeltaWall.Median;
            if (r.Backend == "nft")
            {
                yield return Verdict(gain >= 20, "iptables-nft delta ≥ 20× faster than a flushing full restore of new: " + Ratio(gain) + " wall, " + Ratio(r.FullCpu.Median / r.DeltaCpu.Median) + " CPU (a positioned KUBE-SERVICES edit alone takes " + Seconds(r.Floors.PositionedEdit.Median) + ": the best possible gain is " + Ratio(r.FullWall.Median / r.Floors.PositionedEdit.Median) + ")");
                yield return Verdict(syncGain >= 20, "iptables-nft delta ≥ 20× faster than kube-proxy's full sync (--noflush): " + Ratio(syncGain) + " wall, " + Ratio(r.SyncCpu.Median / r.DeltaCpu.Median) + " CPU");
            }
            else
            {
                yield return "info  iptables-legacy delta gain: " + Ratio(gain) + " wall vs a flushing restore, " + Ratio(syncGain) + " vs kube-proxy's full sync (legacy replaces whole tables)";
            }
        }
    }

    private static string MinMedian(Samples s) => Seconds(s.Min) + " / " + Seconds(s.Median);

    private static string Verdict(bool met, string text) => (met ? "MET   " : "MISSED ") + text;

    /// <summary>Services, chains and rules of a workload size.</summary>
    public static string Describe(string size)
    {
        var input = BenchmarkInputs.For(size);
        var chains = 0;
        var rules = 0;
        foreach (var table in input.RuleSet.Tables)
        {
            chains += table.Chains.Count;
            foreach (var chain in table.Chains) rules += chain.Rules.Count;
        }
        return input.Spec.Services.Count.ToString("N0", CultureInfo.InvariantCulture) + " services, " + chains.ToString("N0", CultureInfo.InvariantCulture) + " chains, " + rules.ToString("N0", CultureInfo.InvariantCulture) + " rules";
    }

    private string Rate(string op, string size, double seconds)
    {
        if (!Bytes.TryGetValue(size, out var b)) return string.Empty;
        return op switch
        {
            "parse save" or "RuleSet→restore text" or "spec→restore text" or "floor (copy save bytes)" => MegabytesPerSecond(b.Save, seconds),
            "parse listing" => MegabytesPerSecond(b.Listing, seconds),
            "trace" => (BenchmarkInputs.TracePackets / seconds).ToString("N0", CultureInfo.InvariantCulture) + " packets/s",
            _ => string.Empty,
        };
    }

    private string Peak(string op, string size) => Peaks.TryGetValue(op + "/" + size, out var p) ? Megabytes(p.ExtraBytes) + " / " + Megabytes(p.AllocatedBytes) : string.Empty;

    private string FloorRatio(string op, string size, double seconds)
    {
        if (op.StartsWith("floor", StringComparison.Ordinal)) return "1×";
        var floor = TimesOf("floor (copy save bytes)", size);
        if (floor is null) return string.Empty;
        var f = floor.Value.WallMedian;
        if (op == "parse listing" && Bytes.TryGetValue(size, out var b)) f = f * b.Listing / b.Save;
        return Ratio(seconds / f);
    }

    private string PeerRatio(string op, string size, double seconds)
    {
        if (op == "parse save" && Peers.TryGetValue("iptables-legacy-restore --test/" + size, out var ipt)) return Ratio(ipt.Wall.Median / seconds) + " faster than iptables-legacy-restore --test";
        if (op == "parse listing" && Peers.TryGetValue("IPTables::Parse (Perl)/" + size, out var perl)) return Ratio(perl.Wall.Median / seconds) + " faster than IPTables::Parse";
        return string.Empty;
    }

    private string Growth(string op) =>
        TimesOf(op, "S") is { } s && TimesOf(op, "M") is { } m ? Ratio(m.WallMedian / s.WallMedian) : string.Empty;

    private static string Seconds(double s) => double.IsNaN(s) ? "-" : s < 0.01 ? s.ToString("F5", CultureInfo.InvariantCulture) : s.ToString("F3", CultureInfo.InvariantCulture);

    private static string Ratio(double r) => double.IsNaN(r) || double.IsInfinity(r) ? "-" : r.ToString(r < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + "×";

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static string MegabytesPerSecond(long bytes, double seconds) => (bytes / seconds / 1e6).ToString("F0", CultureInfo.InvariantCulture) + " MB/s";

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void Table(TextWriter w, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows) for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        for (var r = 0; r < rows.Count; r++)
        {
            w.WriteLine("| " + string.Join(" | ", rows[r].Select((c, i) => c.PadRight(widths[i]))) + " |");
            if (r == 0) w.WriteLine("|" + string.Join("|", widths.Select(x => new string('-', x + 2))) + "|");
        }
    }
}
