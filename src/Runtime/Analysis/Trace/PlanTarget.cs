namespace NatDsl.Analysis.Trace;

/// <summary>What kind of target a <see cref="RulePlan"/> has, for the walker's common cases.</summary>
internal enum PlanTarget
{
    /// <summary>No target or LOG: the walk goes on.</summary>
    None,
    Mark,
    Verdict,
    Jump,
    Dnat,

    /// <summary>Anything else, handled by the general target code.</summary>
    Other,
}
