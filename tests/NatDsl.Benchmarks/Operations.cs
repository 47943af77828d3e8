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
        "spec→restore text" => SaveRenderer.Render(Workload.Compile(input.Spec)).Length,
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
        long outcomes = 0;
        foreach (var packet in input.Packets) outcomes += PacketTracer.Trace(input.RuleSet, packet, input.TraceOptions).Outcomes.Count;
        return outcomes;
    }

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
                PacketTracer.Trace(input.RuleSet, input.Packets[0], input.TraceOptions);
                break;
        }
        GC.Collect(2, GCCollectionMode.Forced, true, true);
    }
}
