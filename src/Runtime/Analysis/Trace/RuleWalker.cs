using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>Walks a chain rule by rule, following jumps, gotos and returns, branching on probabilities.</summary>
internal static class RuleWalker
{
    /// <summary>
    /// The branches leaving <paramref name="chain"/> (entry: its index entry, or null), in a list
    /// rented from the trace's scratch: give it back with <see cref="TraceScratch.Return"/>.
    /// </summary>
    public static List<Branch> Walk(TraceContext context, string hook, Table table, Chain chain, TraceIndex.Entry? entry, TraceState state, int depth)
    {
        var results = context.Scratch.Rent();
        WalkFrom(context, hook, table, chain, entry, 0, state, depth, results);
        return results;
    }

    private static void WalkFrom(TraceContext context, string hook, Table table, Chain chain, TraceIndex.Entry? entry, int start, TraceState state, int depth, List<Branch> results)
    {
        if (depth > context.Options.MaxDepth)
        {
            results.Add(new Branch(state with { Reason = "jump depth over " + context.Options.MaxDepth + " (loop?) at " + chain.Name }, ChainEnd.Undetermined));
            return;
        }
        var dispatch = entry?.Dispatch;
        var candidates = dispatch?.For(state.Packet) ?? default;
        var keyed = state.Packet;
        var rules = chain.Rules;
        for (var i = start; i < rules.Count; i++)
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
            var rule = rules[i];
            var match = MatchEvaluator.Evaluate(context, hook, rule, state.Packet);
            if (match.Undetermined is not null)
            {
                var stuck = state.WithStep(context, new TraceStep(table.Name, chain.Name, i, rule, "cannot evaluate: " + match.Undetermined)) with
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
                var hit = state.Times(context, match.Chance)
                    .WithStep(context, new TraceStep(table.Name, chain.Name, i, rule, match.Note));
                if (ApplyTarget(context, hook, table, chain, entry, i, rule, hit, depth, results, out var afterHit) == Flow.Continue)
                {
                    WalkFrom(context, hook, table, chain, entry, i + 1, afterHit, depth, results);
                }
                // The miss goes on here, with the next rule (a loop, not a recursion per endpoint).
                state = state.Times(context, match.Miss);
                continue;
            }
            var stepped = state.WithStep(context, new TraceStep(table.Name, chain.Name, i, rule, match.Note));
            if (ApplyTarget(context, hook, table, chain, entry, i, rule, stepped, depth, results, out var continued) == Flow.Stop) return;
            state = continued;
        }
        results.Add(new Branch(state, ChainEnd.FellOff));
    }

    /// <summary>Whether two packets have the fields the dispatch index files rules under.</summary>
    private static bool SameKey(in BranchPacket a, in BranchPacket b) =>
        a.Destination == b.Destination && a.Protocol == b.Protocol && a.DestinationPort == b.DestinationPort;

    private enum Flow
    {
        Continue,
        Stop,
    }

    private static Flow ApplyTarget(TraceContext context, string hook, Table table, Chain chain, TraceIndex.Entry? entry, int index, Rule rule, TraceState state, int depth, List<Branch> results, out TraceState continued)
    {
        continued = state;
        switch (rule.Target)
        {
            case null:
            case LogTarget:
                return Flow.Continue;
            case MarkTarget mark:
            {
                var value = mark.Apply(state.Packet.Mark);
                if (value != state.Packet.Mark) continued = state with { Packet = state.Packet.WithMark(value) };
                return Flow.Continue;
            }
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
                Chain? target;
                TraceIndex.Entry? targetEntry;
                if (entry is not null)
                {
                    targetEntry = entry.JumpOf(index, jump.Chain);
                    target = targetEntry?.Chain;
                }
                else
                {
                    target = context.FindChain(table, jump.Chain);
                    targetEntry = target is null ? null : context.Index?.EntryOf(table, target);
                }
                if (target is null)
                {
                    results.Add(new Branch(state with { Reason = "jump to missing chain " + jump.Chain }, ChainEnd.Undetermined));
                    return Flow.Stop;
                }
                var sub = Walk(context, hook, table, target, targetEntry, state, depth + 1);
                if (jump.Goto)
                {
                    // A goto's RETURN returns from the calling chain.
                    results.AddRange(sub);
                }
                else
                {
                    for (var b = 0; b < sub.Count; b++)
                    {
                        var branch = sub[b];
                        if (branch.End is ChainEnd.FellOff or ChainEnd.Return)
                        {
                            WalkFrom(context, hook, table, chain, entry, index + 1, branch.State, depth, results);
                        }
                        else
                        {
                            results.Add(branch);
                        }
                    }
                }
                context.Scratch.Return(sub);
                return Flow.Stop;
            }
            case DnatTarget dnat:
            {
                var packet = state.Packet;
                var destination = dnat.Range?.MinAddress ?? packet.Destination;
                var port = dnat.Range?.Ports is { } ports ? ports.First : packet.DestinationPort;
                results.Add(new Branch(state with { Packet = packet.WithNatDestination(destination, port) }, ChainEnd.Accept));
                return Flow.Stop;
            }
            default:
                Finish(context, rule.Target, state, results);
                return Flow.Stop;
        }
    }

    /// <summary>Applies a target that ends the branch without walking further (NAT of the source, REJECT, opaque targets).</summary>
    internal static void Finish(TraceContext context, Target target, TraceState state, List<Branch> results)
    {
        switch (target)
        {
            case RedirectTarget redirect:
            {
                var local = context.Options.LocalAddresses.Count > 0 ? context.Options.LocalAddresses[0] : IpAddress.FromV4(0x7F000001);
                var port = redirect.ToPorts is { } ports ? ports.First : state.Packet.DestinationPort;
                results.Add(new Branch(state with { Packet = state.Packet.WithNatDestination(local, port) }, ChainEnd.Accept));
                return;
            }
            case MasqueradeTarget:
                results.Add(new Branch(state with { Masqueraded = true }, ChainEnd.Accept));
                return;
            case SnatTarget snat:
                results.Add(new Branch(state with { Masqueraded = true, SnatSource = snat.Range?.MinAddress }, ChainEnd.Accept));
                return;
            case RejectTarget reject:
                results.Add(new Branch(state with { Reason = "REJECT with " + reject.RejectWith }, ChainEnd.Reject));
                return;
            case RawTarget raw:
                results.Add(new Branch(state with { Reason = "opaque target -j " + raw.TargetName }, ChainEnd.Undetermined));
                return;
            default:
                results.Add(new Branch(state with { Reason = "target " + target.Name + " is not traced" }, ChainEnd.Undetermined));
                return;
        }
    }
}
