using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>Walks a chain rule by rule, following jumps, gotos and returns, branching on probabilities.</summary>
internal static class RuleWalker
{
    public static List<Branch> Walk(TraceContext context, string hook, Table table, Chain chain, TraceState state, int depth)
    {
        var results = new List<Branch>();
        WalkFrom(context, hook, table, chain, 0, state, depth, results);
        return results;
    }

    private static void WalkFrom(TraceContext context, string hook, Table table, Chain chain, int start, TraceState state, int depth, List<Branch> results)
    {
        if (depth > context.Options.MaxDepth)
        {
            results.Add(new Branch(state with { Reason = "jump depth over " + context.Options.MaxDepth + " (loop?) at " + chain.Name }, ChainEnd.Undetermined));
            return;
        }
        var dispatch = context.Index?.DispatchOf(table, chain);
        var candidates = dispatch?.For(state.Packet) ?? default;
        var keyed = state.Packet;
        for (var i = start; i < chain.Rules.Count; i++)
        {
            if (dispatch is not null)
            {
                if (!SameKey(keyed, state.Packet))
                {
                    keyed = state.Packet;
                    candidates = dispatch.For(keyed);
                }
                i = candidates.Next(i);
                if (i < 0) break;
            }
            var rule = chain.Rules[i];
            var match = MatchEvaluator.Evaluate(context, hook, rule, state.Packet);
            if (match.Undetermined is not null)
            {
                var stuck = state.WithStep(new TraceStep(table.Name, chain.Name, i, rule, "cannot evaluate: " + match.Undetermined)) with
                {
                    Reason = table.Name + "/" + chain.Name + " rule " + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + match.Undetermined,
                };
                results.Add(new Branch(stuck, ChainEnd.Undetermined));
                return;
            }
            if (match.Chance.IsZero) continue;
            if (match.Chance != Probability.One)
            {
                // Two worlds, in rule order: the rule matches with match.Chance, or it does not.
                if (!context.AllowBranch())
                {
                    results.Add(new Branch(state with { Reason = "too many branches" }, ChainEnd.Undetermined));
                    return;
                }
                var hit = (state with { Probability = state.Probability * match.Chance })
                    .WithStep(new TraceStep(table.Name, chain.Name, i, rule, match.Note));
                if (ApplyTarget(context, hook, table, chain, i, rule, hit, depth, results, out var afterHit) == Flow.Continue)
                {
                    WalkFrom(context, hook, table, chain, i + 1, afterHit, depth, results);
                }
                var miss = state with { Probability = state.Probability * match.Chance.Complement };
                WalkFrom(context, hook, table, chain, i + 1, miss, depth, results);
                return;
            }
            var stepped = state.WithStep(new TraceStep(table.Name, chain.Name, i, rule, match.Note));
            if (ApplyTarget(context, hook, table, chain, i, rule, stepped, depth, results, out var continued) == Flow.Stop) return;
            state = continued;
        }
        results.Add(new Branch(state, ChainEnd.FellOff));
    }

    /// <summary>Whether two packets have the fields the dispatch index files rules under.</summary>
    private static bool SameKey(Packet a, Packet b) =>
        ReferenceEquals(a, b) || (a.Destination == b.Destination && a.Protocol == b.Protocol && a.DestinationPort == b.DestinationPort);

    private enum Flow
    {
        Continue,
        Stop,
    }

    private static Flow ApplyTarget(TraceContext context, string hook, Table table, Chain chain, int index, Rule rule, TraceState state, int depth, List<Branch> results, out TraceState continued)
    {
        continued = state;
        switch (rule.Target)
        {
            case null:
            case LogTarget:
                return Flow.Continue;
            case MarkTarget mark:
                continued = state with { Packet = state.Packet with { Mark = mark.Apply(state.Packet.Mark) } };
                return Flow.Continue;
            case VerdictTarget verdict:
                switch (verdict.Verdict)
                {
                    case Verdict.Accept:
                        results.Add(new Branch(state, ChainEnd.Accept));
                        return Flow.Stop;
                    case Verdict.Drop:
                        results.Add(new Branch(state, ChainEnd.Drop));
                        return Flow.Stop;
                    case Verdict.Return:
                        results.Add(new Branch(state, ChainEnd.Return));
                        return Flow.Stop;
                    default:
                        results.Add(new Branch(state with { Reason = "QUEUE hands the packet to user space" }, ChainEnd.Undetermined));
                        return Flow.Stop;
                }
            case JumpTarget jump:
            {
                var target = context.FindChain(table, jump.Chain);
                if (target is null)
                {
                    results.Add(new Branch(state with { Reason = "jump to missing chain " + jump.Chain }, ChainEnd.Undetermined));
                    return Flow.Stop;
                }
                var sub = Walk(context, hook, table, target, state, depth + 1);
                if (jump.Goto)
                {
                    // A goto's RETURN returns from the calling chain.
                    results.AddRange(sub);
                    return Flow.Stop;
                }
                foreach (var branch in sub)
                {
                    if (branch.End is ChainEnd.FellOff or ChainEnd.Return)
                    {
                        WalkFrom(context, hook, table, chain, index + 1, branch.State, depth, results);
                    }
                    else
                    {
                        results.Add(branch);
                    }
                }
                return Flow.Stop;
            }
            case DnatTarget dnat:
            {
                var packet = state.Packet;
                if (dnat.Range?.MinAddress is { } address) packet = packet with { Destination = address };
                if (dnat.Range?.Ports is { } ports) packet = packet with { DestinationPort = ports.First };
                packet = packet with { State = packet.State | ConntrackStates.Dnat };
                results.Add(new Branch(state with { Packet = packet }, ChainEnd.Accept));
                return Flow.Stop;
            }
            case RedirectTarget redirect:
            {
                var local = context.Options.LocalAddresses.Count > 0 ? context.Options.LocalAddresses[0] : IpAddress.FromV4(0x7F000001);
                var packet = state.Packet with { Destination = local, State = state.Packet.State | ConntrackStates.Dnat };
                if (redirect.ToPorts is { } ports) packet = packet with { DestinationPort = ports.First };
                results.Add(new Branch(state with { Packet = packet }, ChainEnd.Accept));
                return Flow.Stop;
            }
            case MasqueradeTarget:
                results.Add(new Branch(state with { Masqueraded = true }, ChainEnd.Accept));
                return Flow.Stop;
            case SnatTarget snat:
                results.Add(new Branch(state with { Masqueraded = true, SnatSource = snat.Range?.MinAddress }, ChainEnd.Accept));
                return Flow.Stop;
            case RejectTarget reject:
                results.Add(new Branch(state with { Reason = "REJECT with " + reject.RejectWith }, ChainEnd.Reject));
                return Flow.Stop;
            case RawTarget raw:
                results.Add(new Branch(state with { Reason = "opaque target -j " + raw.TargetName }, ChainEnd.Undetermined));
                return Flow.Stop;
            default:
                results.Add(new Branch(state with { Reason = "target " + rule.Target.Name + " is not traced" }, ChainEnd.Undetermined));
                return Flow.Stop;
        }
    }
}
