using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The walk of one hook chain after the NAT decision, remembered within one trace so that
/// branches differing only in the chosen endpoint (destination address and port) share it.
/// While the first branch walks, every decision that looked at the destination is recorded as a
/// guard: the dispatch lookups (which candidate lists the destination found) and the rules
/// whose tests read it (with their answer). Another branch with the same other fields reuses the
/// walk only when every guard gives the same answer for its destination; then it took the very
/// same rules with the same answers, so it gets the same steps, mark, facts and end. A walk that
/// branched (statistic), rewrote the destination (DNAT, REDIRECT) or ended in more than one
/// branch is not remembered.
/// </summary>
internal sealed class SuffixMemo
{
    private static readonly TraceStep[] NoSteps = new TraceStep[0];

    private readonly List<Guard> _guards = new List<Guard>();

    /// <summary>Starts recording a walk of <paramref name="hook"/> from <paramref name="input"/> (a memo is reused by later traces of the thread, see <see cref="TraceScratch.RentMemo"/>).</summary>
    public void Start(TraceIndex.Entry hook, TraceState input)
    {
        Hook = hook;
        Input = input;
        Spoiled = false;
    }

    /// <summary>Drops the recording and its references.</summary>
    public void Clear()
    {
        _guards.Clear();
        Hook = null!;
        Input = default;
        Output = default;
        Steps = NoSteps;
    }

    /// <summary>The hook chain walked.</summary>
    public TraceIndex.Entry Hook { get; private set; } = null!;

    /// <summary>The state the recorded walk started from.</summary>
    public TraceState Input { get; private set; }

    /// <summary>True once the walk did something a reuse could not repeat.</summary>
    public bool Spoiled { get; private set; }

    /// <summary>The steps the walk added, in order (never changed: the trace's paths keep it; shared with other traces, see <see cref="TraceIndex.Entry.RunOf"/>).</summary>
    public TraceStep[] Steps { get; private set; } = NoSteps;

    /// <summary>The single branch the walk ended in.</summary>
    public Branch Output { get; private set; }

    public void Spoil() => Spoiled = true;

    public void RecordLookup(ChainDispatchIndex dispatch, int[] byDestination, int[] byPort) =>
        _guards.Add(new Guard(dispatch, null, byDestination, byPort, null, string.Empty));

    public void RecordRule(RulePlan rule, bool? passes, string reason) =>
        _guards.Add(new Guard(null, rule, null, null, passes, reason));

    /// <summary>Keeps the walk's result: its one branch and the steps it added after <see cref="Input"/>'s path.</summary>
    public void Finish(TraceScratch scratch, Branch output)
    {
        Output = output;
        Steps = Hook.RunOf(scratch, Input.Path, output.State.Path);
    }

    /// <summary>Whether a walk from <paramref name="state"/> can reuse this one.</summary>
    public bool Fits(TraceContext context, string hook, TraceIndex.Entry entry, in TraceState state)
    {
        if (Spoiled || !ReferenceEquals(entry, Hook) || !SameButDestination(Input, state)) return false;
        var guards = _guards;
        for (var g = 0; g < guards.Count; g++)
        {
            var guard = guards[g];
            if (guard.Dispatch is { } dispatch)
            {
                dispatch.Lookup(state.Packet, out var a, out var b);
                if (!ReferenceEquals(a, guard.ByDestination) || !ReferenceEquals(b, guard.ByPort)) return false;
            }
            else
            {
                var passes = guard.Rule!.Passes(context, hook, state.Packet, out var reason);
                if (passes != guard.Passes || !string.Equals(reason, guard.Reason, System.StringComparison.Ordinal)) return false;
            }
        }
        return true;
    }

    /// <summary>The recorded walk's branch, for a walk from <paramref name="state"/> that <see cref="Fits"/>.</summary>
    public Branch Replay(TraceContext context, in TraceState state)
    {
        var path = context.Scratch.Append(state.Path, Steps);
        var after = Output.State;
        var packet = after.Packet.Mark == Input.Packet.Mark ? state.Packet : state.Packet.WithMark(after.Packet.Mark);
        return new Branch(state.Continued(packet, path, after), Output.End);
    }

    private static bool SameButDestination(in TraceState a, in TraceState b)
    {
        var p = a.Packet;
        var q = b.Packet;
        if (!ReferenceEquals(p.Traced, q.Traced))
        {
            if (p.Source != q.Source || p.SourcePort != q.SourcePort || p.Bridged != q.Bridged ||
                !string.Equals(p.InInterface, q.InInterface, System.StringComparison.Ordinal) ||
                !string.Equals(p.OutInterface, q.OutInterface, System.StringComparison.Ordinal))
            {
                return false;
            }
        }
        return p.Protocol == q.Protocol && p.Mark == q.Mark && p.State == q.State && BranchFacts.Same(a.Facts, b.Facts);
    }

    private readonly struct Guard
    {
        public Guard(ChainDispatchIndex? dispatch, RulePlan? rule, int[]? byDestination, int[]? byPort, bool? passes, string reason)
        {
            Dispatch = dispatch;
            Rule = rule;
            ByDestination = byDestination;
            ByPort = byPort;
            Passes = passes;
            Reason = reason;
        }

        public ChainDispatchIndex? Dispatch { get; }

        public RulePlan? Rule { get; }

        public int[]? ByDestination { get; }

        public int[]? ByPort { get; }

        public bool? Passes { get; }

        public string Reason { get; }
    }
}
