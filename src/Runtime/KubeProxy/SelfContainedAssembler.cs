using System;
using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>
/// Builds the node's whole filter and nat tables around kube-proxy's restore content: built-in
/// chains filled by replaying the hook rules with EnsureRule semantics (skip if present,
/// else prepend or append), kubelet's and the plugins' chains added, user chains sorted by name
/// as iptables-save prints them.
/// </summary>
internal static class SelfContainedAssembler
{
    private static readonly string[] FilterBuiltins = { "INPUT", "FORWARD", "OUTPUT" };
    private static readonly string[] NatBuiltins = { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" };

    public static RuleSet Assemble(EmitContext cx, ClusterSpec spec, IReadOnlyList<HookRule> hooks)
    {
        NodeNeighbours.AddChains(spec, cx.Plan, cx.Filter, cx.Nat);

        var builtins = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        foreach (var hook in hooks)
        {
            var key = hook.Table + "/" + hook.Chain;
            if (!builtins.TryGetValue(key, out var rules)) builtins[key] = rules = new List<Rule>();
            if (rules.Contains(hook.Rule)) continue;
            if (hook.Position == HookPosition.Prepend) rules.Insert(0, hook.Rule);
            else rules.Add(hook.Rule);
        }

        var family = cx.Plan.Family;
        return new RuleSet(family, new[]
        {
            BuildTable(cx.Filter, FilterBuiltins, builtins),
            BuildTable(cx.Nat, NatBuiltins, builtins),
        }.ToValueList());
    }

    private static Table BuildTable(TableBuilder table, string[] builtinNames, Dictionary<string, List<Rule>> builtins)
    {
        var users = new string[table.ChainNames.Count];
        for (var i = 0; i < users.Length; i++) users[i] = table.ChainNames[i];
        Array.Sort(users, string.CompareOrdinal);
        var chains = new Chain[builtinNames.Length + users.Length];
        for (var i = 0; i < builtinNames.Length; i++)
        {
            builtins.TryGetValue(table.Name + "/" + builtinNames[i], out var rules);
            chains[i] = new Chain(builtinNames[i], ChainPolicy.Accept, Counters.Zero, (rules ?? new List<Rule>()).ToValueList());
        }
        for (var i = 0; i < users.Length; i++) chains[builtinNames.Length + i] = table.BuildChain(users[i]);
        return new Table(table.Name, ValueList<Chain>.Own(chains));
    }
}
