using System;
using System.IO;
using NatDsl.Analysis.Diff;
using NatDsl.Analysis.Explain;
using NatDsl.Analysis.Trace;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Workloads;

namespace NatDsl.Benchmarks;

/// <summary>The measured operations, shared by the BenchmarkDotNet class and the peak-memory children.</summary>
public static class Operations
{
    public static readonly string[] Names =
    {
        "spec→restore text", "spec→RuleSet", "RuleSet→restore text", "parse save", "parse listing", "diff (1 endpoint)", "explain", "trace", "floor (copy save bytes)",
    };

    /// <summary>Runs one operation; returns something that depends on its whole work.</summary>
    public static long Run(string name, BenchmarkInputs input) => name switch
    {
        "spec→restore text" => Workload.Render(input.Spec).Length,
        "spec→RuleSet" => Workload.Compile(input.Spec).Tables.Count,
        "RuleSet→restore text" => SaveRenderer.Render(input.RuleSet).Length,
        "parse save" => SaveParser.ParseRuleSet(input.SaveText, input.Shape.Name + ".rules").Tables.Count,
        "parse listing" => ListingParser.Parse(input.NatListing, input.Shape.Name + ".nat.listing", "nat").RuleSet.Tables.Count,
        "diff (1 endpoint)" => RuleSetDiff.Compare(input.RuleSet, input.ChangedRuleSet, DiffOptions.Default).Differences.Count,
        "explain" => ServiceExplainer.Explain(input.RuleSet, input.Spec.Settings.NodeIPs).Services.Count,
        "trace" => Trace(input),
        "floor (copy save bytes)" => Copy(input.SaveBytes),
        _ => throw new ArgumentException("unknown operation " + name),
    };

    /// <summary>The floor for an input: copying its bytes from memory to a discarding stream, 64 KiB at a time.</summary>
    public static long Copy(byte[] bytes)
    {
        var buffer = new byte[65536];
        var sink = Stream.Null;
        long total = 0;
        for (var offset = 0; offset < bytes.Length; offset += buffer.Length)
        {
            var n = Math.Min(buffer.Length, bytes.Length - offset);
            Buffer.BlockCopy(bytes, offset, buffer, 0, n);
            sink.Write(buffer, 0, n);
            total += buffer[n - 1];
        }
        return total;
    }

    private static long Trace(BenchmarkInputs input)
    {
        // Packets not traced before in this process, on all cores, on a rule set prepared once
        // (PacketTracer.Prepare); each result is counted and dropped (TraceMany would keep them all).
        var packets = input.FreshPackets();
        long outcomes = 0;
        System.Threading.Tasks.Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, packets.Count, 64),
            () => 0L,
            (range, _, sum) =>
            {
                for (var i = range.Item1; i < range.Item2; i++) sum += PacketTracer.Trace(input.RuleSet, packets[i], input.TraceOptions).Outcomes.Count;
                return sum;
            },
            sum => System.Threading.Interlocked.Add(ref outcomes, sum));
        return outcomes;
    }

    /// <summary>Something the last <see cref="Prepare"/> measured that belongs in the report, or null.</summary>
    public static string? Note { get; private set; }

    /// <summary>Builds exactly the inputs an operation reads, before the measured part.</summary>
    public static void Prepare(string name, BenchmarkInputs input)
    {
        switch (name)
        {
            case "RuleSet→restore text":
            case "explain":
                _ = input.RuleSet;
                break;
            case "parse save":
                _ = input.SaveText;
                break;
            case "floor (copy save bytes)":
                _ = input.SaveBytes;
                break;
            case "parse listing":
                _ = input.NatListing;
                break;
            case "diff (1 endpoint)":
                _ = input.RuleSet;
                _ = input.ChangedRuleSet;
                break;
            case "trace":
                _ = input.Packets;
                var prepare = System.Diagnostics.Stopwatch.StartNew();
                PacketTracer.Prepare(input.RuleSet);
                Note = "trace " + input.Shape.Name + ": PacketTracer.Prepare (once per rule set, before the measured traces) took "
                    + prepare.Elapsed.TotalSeconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + " s";
                PacketTracer.Trace(input.RuleSet, input.Packets[0], input.TraceOptions);
                input.FreshPackets();
                break;
        }
        GC.Collect(2, GCCollectionMode.Forced, true, true);
    }
}
