using NatDsl.Model;

namespace NatDsl.Analysis.Explain;

/// <summary>Rules that belong to no service: another component's chain, or rules in a built-in chain.</summary>
/// <param name="Table">The table.</param>
/// <param name="Chain">The chain.</param>
/// <param name="RuleCount">How many of its rules are meant.</param>
/// <param name="Owner">The component it looks like (flannel, Docker, CNI, Calico, kubelet…), or "unknown".</param>
/// <param name="Summary">What the rules do, in a sentence.</param>
public sealed record ForeignRules(string Table, string Chain, int RuleCount, string Owner, string Summary);
