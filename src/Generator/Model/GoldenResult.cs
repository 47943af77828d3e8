namespace NatDsl.Generator.Model;

/// <summary>The findings of comparing one rule set with its golden dump.</summary>
internal sealed record GoldenResult(RuleSetClassInfo Class, EquatableArray<GoldenFinding> Findings);
