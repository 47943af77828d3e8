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
        var scratch = TraceScratch.Take();
        var context = scratch.Context;
        context.Begin(rules, options);
        var start = new TraceState(new BranchPacket(packet), -1, ProbabilityStore.One, BranchFacts.None);
        var local = context.IsLocal(packet.Source);
        var index = context.Index;
        var afterNat = RunHook(context, "nat", local ? "OUTPUT" : "PREROUTING", local ? index?.NatOutput : index?.NatPrerouting, start);
        for (var n = 0; n < afterNat.Count; n++) Route(context, local, afterNat[n]);
        scratch.Return(afterNat);
        var result = new TraceResult(packet, Outcomes(context, scratch.Finals), context.Truncated);
        scratch.Release();
        return result;
    }

    /// <summary>A branch leaving the first NAT hook: routed to the filter table's hook (INPUT, FORWARD or OUTPUT), then on.</summary>
    private static void Route(TraceContext context, bool local, in Branch nat)
    {
        if (nat.End != ChainEnd.Accept)
        {
            context.Scratch.Finals.Add(nat);
            return;
        }
        var toLocal = context.IsLocal(nat.State.Packet.Destination);
        if (!context.Options.EvaluateFilter)
        {
            Filtered(context, local, toLocal, new Branch(nat.State, ChainEnd.Accept));
            return;
        }
        var index = context.Index;
        var hook = local ? "OUTPUT" : (toLocal ? "INPUT" : "FORWARD");
        var entry = local ? index?.FilterOutput : (toLocal ? index?.FilterInput : index?.FilterForward);
        var afterFilter = RunAfterNat(context, "filter", hook, entry, nat.State, out var replayed);
        if (afterFilter is null)
        {
            Filtered(context, local, toLocal, replayed);
            return;
        }
        for (var f = 0; f < afterFilter.Count; f++) Filtered(context, local, toLocal, afterFilter[f]);
        context.Scratch.Return(afterFilter);
    }

    /// <summary>A branch leaving the filter table: through nat INPUT (delivered locally) or POSTROUTING to its outcome.</summary>
    private static void Filtered(TraceContext context, bool local, bool toLocal, in Branch filtered)
    {
        var finals = context.Scratch.Finals;
        if (filtered.End != ChainEnd.Accept)
        {
            finals.Add(filtered);
            return;
        }
        var input = !local && toLocal;
        var after = input
            ? RunAfterNat(context, "nat", "INPUT", context.Index?.NatInput, filtered.State, out var replayed)
            : RunAfterNat(context, "nat", "POSTROUTING", context.Index?.NatPostrouting, filtered.State, out replayed);
        if (after is null)
        {
            finals.Add(Final(replayed, input, toLocal));
            return;
        }
        for (var b = 0; b < after.Count; b++) finals.Add(Final(after[b], input, toLocal));
        context.Scratch.Return(after);
    }

    /// <summary>How a branch leaving the last NAT hook ends: accepted after nat INPUT is delivered locally; after POSTROUTING, locally or forwarded.</summary>
    private static Branch Final(in Branch branch, bool input, bool toLocal)
    {
        if (branch.End != ChainEnd.Accept) return branch;
        return new Branch(branch.State, input || toLocal ? ChainEnd.DeliverLocal : ChainEnd.Forward);
    }

    /// <summary>
    /// The outcomes of the branches that ended the trace: they share one copy of the trace's paths
    /// and one array of probability numerators.
    /// </summary>
    private static ValueList<TraceOutcome> Outcomes(TraceContext context, List<Branch> finals)
    {
        var scratch = context.Scratch;
        var paths = scratch.FreezePaths();
        var limbs = 0;
        for (var i = 0; i < finals.Count; i++) limbs += scratch.Probabilities.PoolLength(finals[i].State.Chance);
        var pool = limbs == 0 ? NoLimbs : new uint[limbs];
        var used = 0;
        var outcomes = new TraceOutcome[finals.Count];
        for (var i = 0; i < outcomes.Length; i++) outcomes[i] = finals[i].State.ToOutcome(finals[i].End, context, paths, pool, ref used);
        return ValueList<TraceOutcome>.Own(outcomes);
    }

    private static readonly uint[] NoLimbs = new uint[0];

    /// <summary>
    /// Prepares <paramref name="rules"/> for tracing now: the lookups and every chain's prepared
    /// rules, which are otherwise made the first time a trace needs them (a chain at a time).
    /// For tracing many packets over a large rule set; the results are the same either way.
    /// </summary>
    public static void Prepare(RuleSet rules)
    {
        if (rules is null) throw new ArgumentNullException(nameof(rules));
        TraceIndex.For(rules).PrepareAll();
    }

    /// <summary>
    /// Traces every packet of <paramref name="packets"/> through <paramref name="rules"/>: the
    /// results of <see cref="Trace"/>, in input order. On net10.0 the packets are traced in
    /// parallel (each on its own thread's working memory, sharing the rule set's prepared
    /// lookups); the results do not depend on the number of threads.
    /// </summary>
    public static ValueList<TraceResult> TraceMany(RuleSet rules, IReadOnlyList<Packet> packets, TraceOptions? options = null)
    {
        if (rules is null) throw new ArgumentNullException(nameof(rules));
        if (packets is null) throw new ArgumentNullException(nameof(packets));
        options ??= new TraceOptions();
        var results = new TraceResult[packets.Count];
        if (results.Length == 0) return ValueList<TraceResult>.Empty;
#if NET
        if (options.UseIndex) TraceIndex.For(rules);
        var chunk = Math.Max(8, results.Length / (Environment.ProcessorCount * 8));
        try
        {
            System.Threading.Tasks.Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, results.Length, chunk), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++) results[i] = Trace(rules, packets[i], options);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
#else
        for (var i = 0; i < results.Length; i++) results[i] = Trace(rules, packets[i], options);
#endif
        return ValueList<TraceResult>.Own(results);
    }

    /// <summary>A rented list holding one accepted branch.</summary>
    private static List<Branch> Single(TraceContext context, in TraceState state)
    {
        var list = context.Scratch.Rent();
        list.Add(new Branch(state, ChainEnd.Accept));
        return list;
    }

    /// <summary>
    /// The branches leaving a hook's chain, in a list rented from the trace's scratch.
    /// <paramref name="hookEntry"/> is the index's entry of the hook chain (null when the rule
    /// set has no such chain), used when the trace has an index.
    /// </summary>
    private static List<Branch> RunHook(TraceContext context, string tableName, string hook, TraceIndex.Entry? hookEntry, in TraceState state)
    {
        if (context.Index is not null)
        {
            if (hookEntry is null) return Single(context, state);
            return RunPlanned(context, hook, hookEntry, state);
        }
        var table = context.Rules.FindTable(tableName);
        var chain = table is null ? null : context.FindChain(table, hook);
        if (table is null || chain is null) return Single(context, state);
        var entry = context.Index?.EntryOf(table, chain);
        var results = context.Scratch.Rent();
        var walked = RuleWalker.Walk(context, hook, table, chain, entry, state, 0);
        foreach (var branch in walked)
        {
            switch (branch.End)
            {
                case ChainEnd.FellOff:
                case ChainEnd.Return:
                    var policy = chain.Policy ?? ChainPolicy.Accept;
                    var note = TraceIndex.Entry.PolicyNote(policy);
                    var step = new TraceStep(table.Name, chain.Name, -1, null, note);
                    var next = branch.State.WithStep(context, step);
                    results.Add(new Branch(next, policy == ChainPolicy.Drop ? ChainEnd.Drop : ChainEnd.Accept));
                    break;
                default:
                    results.Add(branch);
                    break;
            }
        }
        context.Scratch.Return(walked);
        return results;
    }

    /// <summary><see cref="RunHook"/> on the index's prepared rules.</summary>
    private static List<Branch> RunPlanned(TraceContext context, string hook, TraceIndex.Entry entry, in TraceState state)
    {
        var walked = PlanWalker.Walk(context, hook, entry.Plan, state, 0);
        for (var b = 0; b < walked.Count; b++)
        {
            var branch = walked[b];
            if (branch.End is ChainEnd.FellOff or ChainEnd.Return)
            {
                var next = branch.State.WithStep(context, entry.PolicyStep);
                walked[b] = new Branch(next, entry.Chain.Policy == ChainPolicy.Drop ? ChainEnd.Drop : ChainEnd.Accept);
            }
        }
        return walked;
    }

    /// <summary>Most hook walks a trace remembers (branches past it are walked afresh).</summary>
    private const int MaxMemos = 16;

    /// <summary>
    /// <see cref="RunHook"/> for a hook after the NAT decision, reusing the walk of an earlier
    /// branch that differs only in its destination when that walk provably applies (see
    /// <see cref="SuffixMemo"/>): then the result is null and <paramref name="replayed"/> is the
    /// one branch; else a rented list of the branches.
    /// </summary>
    private static List<Branch>? RunAfterNat(TraceContext context, string tableName, string hook, TraceIndex.Entry? entry, in TraceState state, out Branch replayed)
    {
        replayed = default;
        if (context.Index is null || entry is null) return RunHook(context, tableName, hook, entry, state);
        var memos = context.Scratch.Memos;
        for (var m = 0; m < memos.Count; m++)
        {
            var memo = memos[m];
            if (memo.Fits(context, hook, entry, state))
            {
                replayed = memo.Replay(context, state);
                return null;
            }
        }
        return RunRemembered(context, hook, entry, state);
    }

    /// <summary><see cref="RunPlanned"/> for a hook after the NAT decision that no remembered walk fits: remembered in turn when it can be.</summary>
    private static List<Branch> RunRemembered(TraceContext context, string hook, TraceIndex.Entry entry, in TraceState state)
    {
        var memos = context.Scratch.Memos;
        if (memos.Count >= MaxMemos) return RunPlanned(context, hook, entry, state);
        var recording = context.Scratch.RentMemo(entry, state);
        context.Memo = recording;
        List<Branch> walked;
        try
        {
            walked = RunPlanned(context, hook, entry, state);
        }
        finally
        {
            context.Memo = null;
        }
        if (!recording.Spoiled && walked.Count == 1)
        {
            recording.Finish(context.Scratch, walked[0]);
            memos.Add(recording);
        }
        else
        {
            context.Scratch.ReturnMemo(recording);
        }
        return walked;
    }
}
