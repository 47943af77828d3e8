using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NatDsl.Analysis.Trace;
using NatDsl.Model;

namespace NatDsl.Benchmarks;

/// <summary>
/// <c>--trace-hash SIZE</c>: a SHA-256 of every result of 40,000 traces written out in full
/// (probabilities as exact fractions, percentages and doubles, destinations, facts, verdicts, every
/// step), for checking that a change to the tracer changes no result: the hash must stay the same.
/// The packets are the benchmark's, varied (locally generated, marked, with interfaces, hairpin,
/// NodePort, to an endpoint), traced with six option sets on the prepared rule set; every 40th is
/// also traced linearly and must give the same result, and 5,000 go through TraceMany too.
/// </summary>
public static class TraceHash
{
    public static int Run(string size)
    {
        var input = BenchmarkInputs.For(size);
        var spec = input.Spec;
        PacketTracer.Prepare(input.RuleSet);
        var endpoints = spec.Services.SelectMany(s => s.Endpoints).Select(e => e.Address).ToList();
        var node = spec.Settings.NodeIPs[0];
        var hits = input.RuleSet.FindTable("nat")!.Chains.Select(c => c.Name).Where(n => n.StartsWith("KUBE-SEP-", StringComparison.Ordinal)).Take(5000).ToList();
        var optionSets = new[]
        {
            input.TraceOptions,
            input.TraceOptions with { EvaluateFilter = false },
            new TraceOptions(),
            input.TraceOptions with { AffinityHits = new ValueList<string>(hits) },
            input.TraceOptions with { MaxOutcomes = 5 },
            input.TraceOptions with { MaxDepth = 2 },
        };
        var random = new Random(7);
        var packets = input.Packets.Concat(input.FreshPackets()).Select((p, i) => (i % 7) switch
        {
            1 => p with { Source = node },
            2 => p with { Mark = 0x4000 },
            3 => p with { InInterface = "eth0", OutInterface = "eth1" },
            4 => p with { Source = endpoints[random.Next(endpoints.Count)] },
            5 => p with { Destination = node, DestinationPort = 30000 + random.Next(2768) },
            6 => p with { Destination = endpoints[random.Next(endpoints.Count)] },
            _ => p,
        }).ToList();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        long outcomes = 0;
        for (var i = 0; i < packets.Count; i++)
        {
            var options = optionSets[i % optionSets.Length];
            var result = PacketTracer.Trace(input.RuleSet, packets[i], options);
            if (i % 40 == 0 && !result.Equals(PacketTracer.Trace(input.RuleSet, packets[i], options with { UseIndex = false })))
            {
                Console.WriteLine("packet " + i + ": the prepared and the linear trace differ");
                return 1;
            }
            text.Clear();
            Write(text, result);
            sha.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
            outcomes += result.Outcomes.Count;
        }
        var many = PacketTracer.TraceMany(input.RuleSet, packets.Take(5000).ToList(), input.TraceOptions);
        for (var i = 0; i < many.Count; i++)
        {
            if (!many[i].Equals(PacketTracer.Trace(input.RuleSet, packets[i], input.TraceOptions)))
            {
                Console.WriteLine("packet " + i + ": TraceMany and Trace differ");
                return 1;
            }
        }
        Console.WriteLine(size + ": " + packets.Count + " packets, " + outcomes + " outcomes, SHA-256 " + Convert.ToHexString(sha.GetHashAndReset()));
        return 0;
    }

    private static void Write(StringBuilder text, TraceResult result)
    {
        text.Append(result.Packet).Append(" truncated=").Append(result.Truncated).Append('\n');
        foreach (var o in result.Outcomes)
        {
            var p = o.Probability;
            text.Append(p).Append(' ').Append(p.Numerator).Append('/').Append(p.Denominator).Append(' ').Append(p.ToPercent(3)).Append(' ')
                .Append(p.ToDouble().ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(p.IsZero).Append(' ').Append(p.CompareTo(Probability.Of(1, 2)))
                .Append(' ').Append(o.Destination).Append(':').Append(o.DestinationPort).Append(' ').Append(o.Masqueraded).Append(' ').Append(o.SnatSource)
                .Append(' ').Append(o.Verdict).Append(' ').Append(o.Mark).Append(" [").Append(o.Reason).Append("]\n");
            foreach (var s in o.Path)
            {
                text.Append("  ").Append(s.Table).Append(' ').Append(s.Chain).Append(' ').Append(s.RuleIndex).Append(' ')
                    .Append(s.Rule is null ? "-" : s.Rule.Target?.GetType().Name ?? "none").Append(' ').Append(s.Note).Append('\n');
            }
        }
    }
}
