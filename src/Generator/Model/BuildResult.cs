namespace NatDsl.Generator.Model;

/// <summary>The outcome of replaying and compiling one rule set: the generated members, or the failures.</summary>
internal sealed record BuildResult(RuleSetClassInfo Class, string? Golden, GeneratedRuleSet? Output, EquatableArray<BuildFailure> Failures);
