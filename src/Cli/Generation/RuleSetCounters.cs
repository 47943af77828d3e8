using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Cli.Generation;

/// <summary>Counter helpers for comparisons where one side cannot have counters.</summary>
internal static class RuleSetCounters
{
    /// <summary>Whether any rule of <paramref name="ruleSet"/> carries counters.</summary>
    public static bool AnyRuleCounters(RuleSet ruleSet)
    {
        foreach (var table in ruleSet.Tables)
        {
            foreach (var chain in table.Chains)
            {
                foreach (var rule in chain.Rules)
                {
                    if (rule.Counters.HasValue) return true;
                }
            }
        }
        return false;
    }
}
