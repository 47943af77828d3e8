using System;
using System.Collections.Generic;
using NatDsl.Analysis.Diff;
using NatDsl.Analysis.Explain;
using NatDsl.Model;

namespace NatDsl.Cli.Import;

/// <summary>
/// Names the owners of the rules the imported declaration does not reproduce: the chains where
/// the round trip found differences, described by <see cref="ServiceExplainer"/>'s classification
/// of the rules no service owns (Docker, CNI plugins, Calico…).
/// </summary>
internal static class ForeignRuleNotes
{
    public static void Add(ImportedCluster cluster, RuleSet dump, DiffResult? roundTrip)
    {
        if (roundTrip is null || roundTrip.AreEqual) return;
        var differing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var difference in roundTrip.Changes) differing.Add(difference.Table + " " + (difference.Chain ?? string.Empty));
        Explanation explanation;
        try
        {
            explanation = ServiceExplainer.Explain(dump);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            cluster.Notes.Add("The rules outside kube-proxy's chains could not be classified: " + e.Message);
            return;
        }
        foreach (var foreign in explanation.Others)
        {
            if (!differing.Contains(foreign.Table + " " + foreign.Chain)) continue;
            cluster.Notes.Add("Not reproduced (" + foreign.Owner + "): " + foreign.Table + " " + foreign.Chain + ": " + foreign.Summary.TrimEnd('.') + ".");
        }
    }
}
