using System;
using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>
/// The one compiler from a <see cref="ClusterSpec"/> to the iptables rules kube-proxy would
/// install. It validates the spec, plans each service port (<see cref="ServicePlanner"/>) and
/// writes the plan as filter and nat rules in the profile's shape.
/// </summary>
public static class KubeProxyCompiler
{
    /// <summary>kube-proxy's restore content (the chains it declares) for <paramref name="spec"/>.</summary>
    public static RuleSet Compile(ClusterSpec spec) => Compile(spec, CompileOptions.Default);

    /// <summary>The rules for <paramref name="spec"/>; see <see cref="CompileOptions.SelfContained"/>.</summary>
    public static RuleSet Compile(ClusterSpec spec, CompileOptions options) => CompileWithScope(spec, options).RuleSet;

    /// <summary>The rules, their restore scope and the plan; throws <see cref="SpecValidationException"/> for an invalid spec.</summary>
    public static CompiledRules CompileWithScope(ClusterSpec spec, CompileOptions options) => CompileWithScope(spec, options, null);

    /// <summary>
    /// As <see cref="CompileWithScope(ClusterSpec, CompileOptions)"/>; with a <paramref name="sink"/>, the nat
    /// chains of service ports written in pieces on several threads are handed to it as they are
    /// written and are empty placeholders in the result (their names and order are kept). Throws
    /// <see cref="StreamedChainConflictException"/> when a streamed chain is written again.
    /// </summary>
    internal static CompiledRules CompileWithScope(ClusterSpec spec, CompileOptions options, IChainPieceSink? sink)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var plan = Plan(spec, options.MaxDegreeOfParallelism);
        // kubelet's dependencies are checked on the rules themselves: nothing is streamed when they are.
        if (KubeletDependencies.Applies(spec, plan)) sink = null;
        var cx = IptablesEmitter.Emit(plan, options.MaxDegreeOfParallelism, sink);
        if (KubeletDependencies.Applies(spec, plan))
        {
            var missing = KubeletDependencies.Check(spec, plan, cx.Nat.Build());
            if (missing.Count > 0) throw new SpecValidationException(missing);
        }
        var hooks = NodeNeighbours.Hooks(spec, plan);

        RuleSet ruleSet;
        if (options.SelfContained)
        {
            ruleSet = SelfContainedAssembler.Assemble(cx, spec, hooks);
        }
        else
        {
            ruleSet = new RuleSet(plan.Family, new[] { cx.Filter.Build(), cx.Nat.Build() }.ToValueList());
        }

        var tables = new List<TableScope>();
        foreach (var table in ruleSet.Tables)
        {
            var names = new List<string>();
            foreach (var chain in table.Chains) names.Add(chain.Name);
            tables.Add(new TableScope(table.Name, names.ToValueList()));
        }
        var scope = new RestoreScope
        {
            NoFlush = !options.SelfContained,
            Tables = tables.ToValueList(),
            Hooks = hooks.ToValueList(),
        };
        return new CompiledRules(ruleSet, scope, plan);
    }

    /// <summary>The service-level plan of a spec (validated first).</summary>
    public static ClusterPlan Plan(ClusterSpec spec) => Plan(spec, null);

    private static ClusterPlan Plan(ClusterSpec spec, int? threads)
    {
        if (spec is null) throw new ArgumentNullException(nameof(spec));
        var errors = SpecValidator.Validate(spec);
        if (errors.Count > 0) throw new SpecValidationException(errors);
        return ServicePlanner.Plan(spec, threads);
    }
}
