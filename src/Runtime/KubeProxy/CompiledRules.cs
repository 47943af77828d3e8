using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>The result of a compilation: the rules, what a restore script of them covers, and the plan they come from.</summary>
/// <param name="RuleSet">The filter and nat tables.</param>
/// <param name="Scope">The restore scope.</param>
/// <param name="Plan">The service-level plan.</param>
public sealed record CompiledRules(RuleSet RuleSet, RestoreScope Scope, ClusterPlan Plan);
