using System.Collections.Generic;
using NatDsl.Analysis.Diff;
using NatDsl.Formats.Listing;
using NatDsl.Model;

namespace NatDsl.Cli.Generation;

/// <summary>
/// Compares rules with a golden dump from a node: only the tables the dump has; a listing under
/// the listing's equivalence (both sides reduced to what that listing form shows).
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
        var restricted = Only(actual, golden.RuleSet);
        var form = golden.ListingForm;
        var options = new DiffOptions
        {
            IgnoreCounters = !compareCounters,
            IgnoreChainOrder = true,
            KubeProxySort = kubeProxySort,
            Normalize = form is null ? null : rules => ListingEquivalence.Map(rules, form),
        };
        return RuleSetDiff.Compare(golden.RuleSet, restricted, options);
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
