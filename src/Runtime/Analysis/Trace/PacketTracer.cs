using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// Sends one packet through a <see cref="RuleSet"/> the way netfilter does and returns every
/// possible outcome with its exact probability: nat PREROUTING (or OUTPUT for a locally
/// generated packet), the routing decision, the filter table's verdict, then nat POSTROUTING.
/// Statistic matches branch with their stored probability; recent matches follow
/// <see cref="TraceOptions.AffinityHits"/>; a rule the tracer cannot evaluate ends its branch
/// as <see cref="TraceVerdict.Undetermined"/> with the reason, never a guess.
/// </summary>
public static class PacketTracer
{
    /// <summary>Traces <paramref name="packet"/> through <paramref name="rules"/>.</summary>
    public static TraceResult Trace(RuleSet rules, Packet packet, TraceOptions? options = null)
    {
        options ??= new TraceOptions();
        var context = new TraceContext(rules, options);
        var start = new TraceState(packet, Probability.One, null);
        var local = context.IsLocal(packet.Source);
        var finals = new List<TraceOutcome>();
        foreach (var afterNat in RunHook(context, "nat", local ? "OUTPUT" : "PREROUTING", start))
        {
            if (afterNat.End != ChainEnd.Accept)
            {
                finals.Add(afterNat.State.ToOutcome(afterNat.End, context));
                continue;
            }
            var state = afterNat.State;
            var toLocal = context.IsLocal(state.Packet.Destination);
            var filterHook = local ? "OUTPUT" : (toLocal ? "INPUT" : "FORWARD");
            var afterFilter = options.EvaluateFilter
                ? RunHook(context, "filter", filterHook, state)
                : new List<Branch> { new Branch(state, ChainEnd.Accept) };
            foreach (var filtered in afterFilter)
            {
                if (filtered.End != ChainEnd.Accept)
                {
                    finals.Add(filtered.State.ToOutcome(filtered.End, context));
                    continue;
                }
                if (!local && toLocal)
                {
                    foreach (var input in RunHook(context, "nat", "INPUT", filtered.State))
                    {
                        finals.Add(input.State.ToOutcome(input.End == ChainEnd.Accept ? ChainEnd.DeliverLocal : input.End, context));
                    }
                    continue;
                }
                foreach (var post in RunHook(context, "nat", "POSTROUTING", filtered.State))
                {
                    var end = post.End == ChainEnd.Accept ? (toLocal ? ChainEnd.DeliverLocal : ChainEnd.Forward) : post.End;
                    finals.Add(post.State.ToOutcome(end, context));
                }
            }
        }
        return new TraceResult(packet, finals.ToValueList(), context.Truncated);
    }

    private static string PolicyNote(ChainPolicy policy) => policy switch
    {
        ChainPolicy.Accept => "policy ACCEPT",
        ChainPolicy.Drop => "policy DROP",
        _ => "policy " + policy.ToString().ToUpperInvariant(),
    };

    private static List<Branch> RunHook(TraceContext context, string tableName, string hook, TraceState state)
    {
        var table = context.Rules.FindTable(tableName);
        var chain = table is null ? null : context.FindChain(table, hook);
        if (table is null || chain is null) return new List<Branch> { new Branch(state, ChainEnd.Accept) };
        var results = new List<Branch>();
        foreach (var branch in RuleWalker.Walk(context, hook, table, chain, state, 0))
        {
            switch (branch.End)
            {
                case ChainEnd.FellOff:
                case ChainEnd.Return:
                    var policy = chain.Policy ?? ChainPolicy.Accept;
                    var step = new TraceStep(table.Name, chain.Name, -1, null, PolicyNote(policy));
                    var next = branch.State.WithStep(step);
                    results.Add(new Branch(next, policy == ChainPolicy.Drop ? ChainEnd.Drop : ChainEnd.Accept));
                    break;
                default:
                    results.Add(branch);
                    break;
            }
        }
        return results;
    }
}
