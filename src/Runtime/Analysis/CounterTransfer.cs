using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis;

/// <summary>
/// Carries the counters of one rule set (typically a dump from a node) onto another with the same
/// rules (typically a generated one), so the generated rules can be rendered exactly as the node
/// printed them. Chains pair by table and name, rules by position, and a counter is carried only
/// when the two rules are equal apart from counters.
/// </summary>
public static class CounterTransfer
{
    /// <summary>Returns <paramref name="target"/> with the counters of <paramref name="source"/> where rules correspond.</summary>
    /// <param name="target">The rules that receive counters.</param>
    /// <param name="source">The rules whose counters are copied.</param>
    /// <param name="equivalent">Decides whether two rules (counters removed) correspond; defaults to value equality.</param>
    public static RuleSet Apply(RuleSet target, RuleSet source, Func<Rule, Rule, bool>? equivalent = null)
    {
        equivalent ??= (a, b) => a.Equals(b);
        var tables = new List<Table>();
        foreach (var table in target.Tables)
        {
            var other = source.FindTable(table.Name);
            if (other is null)
            {
                tables.Add(table);
                continue;
            }
            var chains = new List<Chain>();
            foreach (var chain in table.Chains)
            {
                var from = other.FindChain(chain.Name);
                if (from is null)
                {
                    chains.Add(chain);
                    continue;
                }
                var rules = new Rule[chain.Rules.Count];
                for (var i = 0; i < rules.Length; i++)
                {
                    var rule = chain.Rules[i];
                    var candidate = i < from.Rules.Count ? from.Rules[i] : null;
                    rules[i] = candidate is not null && equivalent(rule.WithCounters(null), candidate.WithCounters(null))
                        ? rule.WithCounters(candidate.Counters)
                        : rule;
                }
                chains.Add(chain with { Counters = chain.IsBuiltin ? from.Counters : chain.Counters, Rules = rules.ToValueList() });
            }
            tables.Add(table with { Chains = chains.ToValueList() });
        }
        return target with { Tables = tables.ToValueList() };
    }
}
