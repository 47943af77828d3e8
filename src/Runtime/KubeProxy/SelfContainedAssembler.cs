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
        var chains = new List<Chain>();
        foreach (var name in builtinNames)
        {
            builtins.TryGetValue(table.Name + "/" + name, out var rules);
            chains.Add(new Chain(name, ChainPolicy.Accept, Counters.Zero, (rules ?? new List<Rule>()).ToValueList()));
        }
        var users = new List<string>(table.ChainNames);
        users.Sort(string.CompareOrdinal);
        foreach (var name in users) chains.Add(table.BuildChain(name));
        return new Table(table.Name, chains.ToValueList());
    }
}
