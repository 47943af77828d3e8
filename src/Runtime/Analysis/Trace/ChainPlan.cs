namespace NatDsl.Analysis.Trace;

/// <summary>
/// A chain prepared for tracing: its <see cref="RulePlan"/>s and dispatch index, made together
/// on the chain's first use so that they lie side by side in memory (a walk that jumps to a
/// chain touches one neighbourhood instead of an entry, an array and rules far apart).
/// </summary>
internal sealed class ChainPlan
{
    /// <summary>
    /// Prepares <paramref name="entry"/>'s chain; with <paramref name="jumpDepth"/> 0 or more, also
    /// the chains its rules jump to, each right after the rule (see <see cref="TraceIndex.PrepareAll"/>).
    /// </summary>
    public ChainPlan(TraceIndex.Entry entry, int jumpDepth = -1)
    {
        Entry = entry;
        Dispatch = entry.Dispatch;
        var rules = entry.Chain.Rules;
        var plans = new RulePlan[rules.Count];
        Rules = plans;
        for (var i = 0; i < plans.Length; i++)
        {
            var plan = new RulePlan(entry, i, rules[i]);
            plans[i] = plan;
            if (jumpDepth >= 0 && plan.Jump is { } target) target.PrepareDepthFirst(jumpDepth + 1);
        }
    }

    /// <summary>The index entry of the chain.</summary>
    public TraceIndex.Entry Entry { get; }

    /// <summary>The chain's dispatch index, or null when it is walked linearly.</summary>
    public ChainDispatchIndex? Dispatch { get; }

    /// <summary>The chain's rules, in order.</summary>
    public RulePlan[] Rules { get; }
}
