namespace NatDsl.Analysis.Trace;

/// <summary>
/// A chain prepared for tracing: its <see cref="RulePlan"/>s and dispatch index, made together
/// on the chain's first use so that they lie side by side in memory (a walk that jumps to a
/// chain touches one neighbourhood instead of an entry, an array and rules far apart).
/// </summary>
internal sealed class ChainPlan
{
    public ChainPlan(TraceIndex.Entry entry)
    {
        Entry = entry;
        Dispatch = entry.Dispatch;
        var rules = entry.Chain.Rules;
        var plans = new RulePlan[rules.Count];
        Rules = plans;
        for (var i = 0; i < plans.Length; i++) plans[i] = new RulePlan(entry, i, rules[i]);
    }

    /// <summary>The index entry of the chain.</summary>
    public TraceIndex.Entry Entry { get; }

    /// <summary>The chain's dispatch index, or null when it is walked linearly.</summary>
    public ChainDispatchIndex? Dispatch { get; }

    /// <summary>The chain's rules, in order.</summary>
    public RulePlan[] Rules { get; }
}
