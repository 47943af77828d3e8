using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// <see cref="RuleWalker"/>'s walk over indexed chains, on their prepared <see cref="RulePlan"/>s:
/// the same rules are tried in the same order with the same answers, and the same branches
/// come out, with far fewer model objects followed per rule.
/// </summary>
internal static class PlanWalker
{
    /// <summary>
    /// The branches leaving <paramref name="chain"/>, in a list rented from the
    /// trace's scratch: give it back with <see cref="TraceScratch.Return"/>.
    /// </summary>
    public static List<Branch> Walk(TraceContext context, string hook, ChainPlan chain, TraceState state, int depth)
    {
        var results = context.Scratch.Rent();
        WalkFrom(context, hook, chain, 0, state, depth, results);
        return results;
    }

    private static void WalkFrom(TraceContext context, string hook, ChainPlan chain, int start, TraceState state, int depth, List<Branch> results)
    {
        if (depth > context.Options.MaxDepth)
        {
            TooDeep(context, chain.Entry, state, results);
            return;
        }
        var plan = chain.Rules;
        var dispatch = chain.Dispatch;
        var candidates = dispatch is null ? default : Candidates(context, dispatch, state.Packet);
        var keyed = state.Packet;
        for (var i = start; i < plan.Length; i++)
        {
            if (dispatch is not null)
            {
                if (!SameKey(keyed, state.Packet))
                {
                    keyed = state.Packet;
                    candidates = Candidates(context, dispatch, keyed);
                }
                i = candidates.Next(i);
                if (i < 0) break;
            }
            var rule = plan[i];
            var passes = rule.Passes(context, hook, state.Packet, out var reason);
            if (rule.ReadsDestination) context.Memo?.RecordRule(rule, passes, reason);
            if (passes is null)
            {
                Stuck(context, chain.Entry, rule, state, reason, results);
                return;
            }
            if (!passes.Value || rule.Never) continue;
            if (!rule.Certain)
            {
                // The rule's hit is walked to its end; its miss goes on here.
                if (!Split(context, hook, chain, rule, ref state, depth, results)) return;
                continue;
            }
            if (!ApplyTarget(context, hook, chain, rule, state.WithStep(context, rule.Step), depth, results, out var continued)) return;
            state = continued;
        }
        results.Add(new Branch(state, ChainEnd.FellOff));
    }

    /// <summary>
    /// Two worlds, in rule order: the rule matches with its chance, or it does not. The hit is
    /// walked to its end here; <paramref name="state"/> becomes the miss, which the caller walks on
    /// from the next rule (a loop, not a recursion per endpoint of a long service chain). False
    /// when the branch limit ended the walk instead. Kept out of <see cref="WalkFrom"/> so that
    /// the common walk has a small frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Split(TraceContext context, string hook, ChainPlan chain, RulePlan rule, ref TraceState state, int depth, List<Branch> results)
    {
        context.Memo?.Spoil();
        if (!context.AllowBranch())
        {
            results.Add(new Branch(state with { Reason = "too many branches" }, ChainEnd.Undetermined));
            return false;
        }
        var hit = state.Times(context, rule.Chance).WithStep(context, rule.Step);
        if (ApplyTarget(context, hook, chain, rule, hit, depth, results, out var afterHit))
        {
            WalkFrom(context, hook, chain, rule.Index + 1, afterHit, depth, results);
        }
        state = state.Times(context, rule.Miss);
        return true;
    }

    /// <summary>The dispatch candidates for a packet, recorded when the walk is being remembered.</summary>
    private static ChainDispatchIndex.Candidates Candidates(TraceContext context, ChainDispatchIndex dispatch, in BranchPacket packet)
    {
        dispatch.Lookup(packet, out var byDestination, out var byPort);
        context.Memo?.RecordLookup(dispatch, byDestination, byPort);
        return dispatch.From(byDestination, byPort);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TooDeep(TraceContext context, TraceIndex.Entry entry, TraceState state, List<Branch> results) =>
        results.Add(new Branch(state with { Reason = "jump depth over " + context.Options.MaxDepth + " (loop?) at " + entry.Chain.Name }, ChainEnd.Undetermined));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Stuck(TraceContext context, TraceIndex.Entry entry, RulePlan rule, TraceState state, string reason, List<Branch> results)
    {
        var step = new TraceStep(entry.TableName, entry.Chain.Name, rule.Index, rule.Rule, "cannot evaluate: " + reason);
        var stuck = state.WithStep(context, step) with
        {
            Reason = entry.TableName + "/" + entry.Chain.Name + " rule " + (rule.Index + 1).ToString(CultureInfo.InvariantCulture) + ": " + reason,
        };
        results.Add(new Branch(stuck, ChainEnd.Undetermined));
    }

    /// <summary>Whether two packets have the fields the dispatch index files rules under.</summary>
    private static bool SameKey(in BranchPacket a, in BranchPacket b) =>
        a.Destination == b.Destination && a.Protocol == b.Protocol && a.DestinationPort == b.DestinationPort;

    /// <summary>Applies the rule's target; true when the walk goes on in this chain with <paramref name="continued"/>.</summary>
    private static bool ApplyTarget(TraceContext context, string hook, ChainPlan chain, RulePlan rule, TraceState state, int depth, List<Branch> results, out TraceState continued)
    {
        continued = state;
        if (rule.ChangesDestination) context.Memo?.Spoil();
        switch (rule.Kind)
        {
            case PlanTarget.None:
                return true;
            case PlanTarget.Mark:
            {
                var mark = (MarkTarget)rule.Target!;
                var value = mark.Apply(state.Packet.Mark);
                if (value != state.Packet.Mark) continued = state with { Packet = state.Packet.WithMark(value) };
                return true;
            }
            case PlanTarget.Verdict:
                Verdict(((VerdictTarget)rule.Target!).Verdict, state, results);
                return false;
            case PlanTarget.Jump:
                Jump(context, hook, chain, rule, state, depth, results);
                return false;
            case PlanTarget.Dnat:
                Dnat(rule, state, results);
                return false;
            default:
                RuleWalker.Finish(context, rule.Target!, state, results);
                return false;
        }
    }

    private static void Verdict(Verdict verdict, TraceState state, List<Branch> results)
    {
        switch (verdict)
        {
            case Model.Verdict.Accept:
                results.Add(new Branch(state, ChainEnd.Accept));
                return;
            case Model.Verdict.Drop:
                results.Add(new Branch(state, ChainEnd.Drop));
                return;
            case Model.Verdict.Return:
                results.Add(new Branch(state, ChainEnd.Return));
                return;
            default:
                results.Add(new Branch(state with { Reason = "QUEUE hands the packet to user space" }, ChainEnd.Undetermined));
                return;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Jump(TraceContext context, string hook, ChainPlan chain, RulePlan rule, TraceState state, int depth, List<Branch> results)
    {
        var target = rule.JumpPlan;
        if (target is null)
        {
            results.Add(new Branch(state with { Reason = "jump to missing chain " + ((JumpTarget)rule.Target!).Chain }, ChainEnd.Undetermined));
            return;
        }
        var sub = Walk(context, hook, target, state, depth + 1);
        if (rule.Goto)
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
                    WalkFrom(context, hook, chain, rule.Index + 1, branch.State, depth, results);
                }
                else
                {
                    results.Add(branch);
                }
            }
        }
        context.Scratch.Return(sub);
    }

    private static void Dnat(RulePlan rule, TraceState state, List<Branch> results)
    {
        var packet = state.Packet;
        var destination = rule.DnatAddress ?? packet.Destination;
        var port = rule.DnatPort >= 0 ? rule.DnatPort : packet.DestinationPort;
        results.Add(new Branch(state with { Packet = packet.WithNatDestination(destination, port) }, ChainEnd.Accept));
    }
}
