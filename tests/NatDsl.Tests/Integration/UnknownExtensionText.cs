using System.Collections.Generic;
using System.Linq;
using NatDsl.Model;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Extensions the model does not type (<see cref="RawMatch"/>, <see cref="RawTarget"/>) keep the
/// text they were read with; iptables prints its own canonical text for them (a save dump's
/// <c>-j CONNMARK --save-mark</c> comes back as <c>--save-mark --nfmask 0xffffffff --ctmask
/// 0xffffffff</c> and lists as <c>CONNMARK save</c>), which no renderer can know. These helpers
/// replace that text by <see cref="Wildcard"/> so that everything else on the line is still compared.
/// </summary>
public static class UnknownExtensionText
{
    /// <summary>Stands for "any text up to the end of the line" in an expected rendering.</summary>
    public const char Wildcard = '\u0002';

    /// <summary>The names of the untyped matches and targets of a rule set, in rule order.</summary>
    public static IReadOnlyList<string> Names(RuleSet model) => Rules(model)
        .SelectMany(r => r.Matches.OfType<RawMatch>().Select(m => "-m " + m.Name).Concat(r.Target is RawTarget t ? new[] { "-j " + t.TargetName } : new string[0]))
        .ToList();

    /// <summary>The rule set with the text of every untyped extension replaced by <see cref="Wildcard"/>.</summary>
    public static RuleSet Masked(RuleSet model) => model with
    {
        Tables = model.Tables.Select(t => t with
        {
            Chains = t.Chains.Select(c => c with { Rules = c.Rules.Select(Mask).ToValueList() }).ToValueList(),
        }).ToValueList(),
    };

    private static Rule Mask(Rule rule) => rule with
    {
        Matches = rule.Matches.Select(m => m is RawMatch raw ? new RawMatch(raw.Name, " " + Wildcard, Wildcard.ToString()) : m).ToValueList(),
        Target = rule.Target is RawTarget t ? new RawTarget(t.TargetName, " " + Wildcard, Wildcard.ToString()) : rule.Target,
    };

    private static IEnumerable<Rule> Rules(RuleSet model) => model.Tables.SelectMany(t => t.Chains).SelectMany(c => c.Rules);
}
