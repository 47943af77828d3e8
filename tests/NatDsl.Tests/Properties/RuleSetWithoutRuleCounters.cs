using System.Linq;
using NatDsl.Model;

namespace NatDsl.Tests.Properties;

/// <summary>A rule set with rule counters removed (what a save file without <c>-c</c> can carry).</summary>
public static class RuleSetWithoutRuleCounters
{
    /// <summary>The same rule set with every rule's counters null.</summary>
    public static RuleSet Of(RuleSet rules) => rules with
    {
        Tables = rules.Tables.Select(t => t with
        {
            Chains = t.Chains.Select(c => c with { Rules = c.Rules.Select(r => r with { Counters = null }).ToValueList() }).ToValueList(),
        }).ToValueList(),
    };
}
