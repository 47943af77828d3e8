using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace NatDsl.Benchmarks;

/// <summary>
/// A sampling allocation profiler: the runtime's GC allocation-tick events (one per ~100 KB
/// allocated), summed by type name.
/// </summary>
public sealed class AllocSampler : EventListener
{
    public readonly Dictionary<string, long> Bytes = new Dictionary<string, long>();
    public bool On;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick")) return;
        var name = e.Payload![e.PayloadNames!.IndexOf("TypeName")]?.ToString() ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        lock (Bytes) { Bytes.TryGetValue(name, out var b); Bytes[name] = b + amount; }
    }

    public void Print()
    {
        lock (Bytes) foreach (var kv in Bytes.OrderByDescending(k => k.Value).Take(25)) Console.WriteLine($"{kv.Value / 1e6,10:F1} MB  {kv.Key}");
    }
}
