using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>One rule that matched on the way (or a policy that applied, with <see cref="RuleIndex"/> −1).</summary>
/// <param name="Table">The table.</param>
/// <param name="Chain">The chain.</param>
/// <param name="RuleIndex">0-based index of the rule in its chain, −1 for the chain policy.</param>
/// <param name="Rule">The rule (null for a policy).</param>
/// <param name="Note">What the step did (branch taken, mark set…), or empty.</param>
public sealed record TraceStep(string Table, string Chain, int RuleIndex, Rule? Rule, string Note);
