using System.Collections.Generic;
using NatDsl.Analysis.Diff;
using NatDsl.Formats.Listing;
using NatDsl.Model;

namespace NatDsl.Cli.Generation;

/// <summary>
/// Compares rules with a golden dump from a node: only the tables the dump has; a listing under
/// the listing's equivalence (both sides reduced to what that listing form shows); a restore
/// script (kube-proxy's <c>--noflush</c> content) without the empty built-in chains.
/// </summary>
internal static class GoldenComparison
{
    /// <summary>Compares <paramref name="actual"/> with <paramref name="golden"/> (the expected side).</summary>
    /// <param name="golden">The dump.</param>
    /// <param name="actual">The rules to verify.</param>
    /// <param name="compareCounters">Whether counters are compared (only meaningful when both sides have them).</param>
    /// <param name="kubeProxySort">Compare as kube-proxy's unit tests do (service rule groups sorted, chain order ignored).</param>
    public static DiffResult Compare(LoadedDump golden, RuleSet actual, bool compareCounters, bool kubeProxySort)
    {
        var expected = golden.RuleSet;
        var restricted = Only(actual, expected);
        if (IsRestoreScript(golden))
        {
            // A restore script declares no built-in chain; the parser still lists them, empty.
            expected = WithoutEmptyBuiltins(expected);
            restricted = WithoutEmptyBuiltins(restricted);
        }
        var form = golden.ListingForm;
        var options = new DiffOptions
        {
            IgnoreCounters = !compareCounters,
            IgnoreChainOrder = true,
            KubeProxySort = kubeProxySort,
            Normalize = form is null ? null : rules => ListingEquivalence.Map(rules, form),
        };
        return RuleSetDiff.Compare(expected, restricted, options);
    }

    /// <summary>
    /// Whether the golden is a restore script like kube-proxy's (no rule in a built-in chain), to be
    /// compared with kube-proxy's restore content rather than with the node's whole tables.
    /// </summary>
    public static bool IsRestoreScript(LoadedDump golden) => golden.ListingForm is null && RestoreOverlay.IsNoFlushScript(golden.RuleSet);

    private static RuleSet WithoutEmptyBuiltins(RuleSet ruleSet)
    {
        var tables = new List<Table>();
        foreach (var table in ruleSet.Tables)
        {
            var chains = new List<Chain>();
            foreach (var chain in table.Chains)
            {
                if (!chain.IsBuiltin || chain.Rules.Count > 0) chains.Add(chain);
            }
            tables.Add(table with { Chains = chains.ToValueList() });
        }
        return ruleSet with { Tables = tables.ToValueList() };
    }

    /// <summary>The tables of <paramref name="ruleSet"/> that <paramref name="shape"/> has, in its order.</summary>
    private static RuleSet Only(RuleSet ruleSet, RuleSet shape)
    {
        var tables = new List<Table>();
        foreach (var table in shape.Tables)
        {
            if (ruleSet.FindTable(table.Name) is { } found) tables.Add(found);
        }
        return ruleSet with { Tables = tables.ToValueList() };
    }
}
