using System.Collections.Generic;
using System.Globalization;
using NatDsl.Analysis.Diff;
using NatDsl.Cli.Generation;
using NatDsl.KubeProxy;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// Checks an import against its dump: the declaration is built (as the written C# would build
/// it), compiled by the one compiler (self-contained for whole tables, kube-proxy's restore
/// content for a restore script) and compared with the dump like <c>verify</c> does.
/// </summary>
internal static class ImportRoundTrip
{
    public static ImportCheck Check(ImportedCluster cluster, LoadedDump dump)
    {
        ClusterSpec spec;
        try
        {
            spec = ClusterSpecFactory.Build(cluster);
        }
        catch (SpecValidationException e)
        {
            return new ImportCheck(false, "Round trip: the recovered declaration is not valid: " + e.Message, null);
        }
        var compiled = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = cluster.WholeTables });
        var result = GoldenComparison.Compare(dump, compiled, compareCounters: false, kubeProxySort: false);
        var tables = new List<string>();
        foreach (var table in dump.RuleSet.Tables) tables.Add(table.Name);
        var what = cluster.WholeTables ? "the node's whole tables" : "kube-proxy's restore content";
        if (result.AreEqual)
        {
            return new ImportCheck(true, "Round trip: compiled as " + what + ", this definition reproduces the dump exactly (" +
                string.Join(", ", tables) + (dump.ListingForm is null ? string.Empty : ", as the listing shows it") + "; counters not compared).", result);
        }
        var changes = new List<Difference>(result.Changes);
        var examples = new List<string>();
        for (var i = 0; i < changes.Count && i < 3; i++)
        {
            var d = changes[i];
            examples.Add(d.Table + (d.Chain is null ? string.Empty : " " + d.Chain) + ": " + d.Explanation);
        }
        return new ImportCheck(false, "Round trip: compiled as " + what + ", this definition differs from the dump in " +
            changes.Count.ToString(CultureInfo.InvariantCulture) + (changes.Count == 1 ? " place" : " places") + " (counters not compared), e.g. " +
            string.Join("; ", examples) + ". Run 'natdsl verify' on this file with the dump for all of them.", result);
    }
}
