using NatDsl.Model;

namespace NatDsl.Analysis.Explain;

/// <summary>The result of explaining a rule set: service ports, and everything else.</summary>
public sealed record Explanation(ValueList<ServicePortExplanation> Services, ValueList<ForeignRules> Others);
