using System.Text;
using NatDsl.Analysis;
using NatDsl.Analysis.Diff;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace SeedCluster;

/// <summary>
/// The two claims the example makes about the generated rules and the seed dump:
/// the model equals the dump (counters ignored, services in declaration order), and the listing
/// rendered from the model with the dump's counters carried over is the dump, byte for byte.
/// </summary>
public sealed record SeedVerdict(bool ModelMatches, string ModelReport, bool ListingMatches, string ListingReport)
{
    /// <summary>True when both claims hold.</summary>
    public bool Holds => ModelMatches && ListingMatches;

    /// <summary>Checks the node's generated rules against the dump text.</summary>
    public static SeedVerdict Evaluate(RuleSet nodeRules, string dumpText, string dumpName)
    {
        var dump = ListingParser.Parse(dumpText, dumpName);
        var nat = nodeRules.FindTable(dump.Table.Name) ?? throw new System.InvalidOperationException("the rule set has no " + dump.Table.Name + " table");
        var generated = new RuleSet(nodeRules.Family, new[] { nat }.ToValueList());

        // Claim 1: equal models under what the listing can show, counters ignored, rules in order.
        var options = DiffOptions.Default with
        {
            IgnoreCounters = true,
            Normalize = rules => ListingEquivalence.Map(rules, dump.Form),
        };
        var diff = RuleSetDiff.Compare(dump.RuleSet, generated, options);
        var modelReport = diff.AreEqual
            ? "model: equal to " + dumpName + " (" + RuleCount(dump.RuleSet) + " rules, counters ignored)"
            : "model: differs from " + dumpName + "\n" + DiffReport.Render(diff, SaveRenderer.RenderRule);

        // Claim 2: the listing of the generated rules, with the dump's counters, is the dump.
        var shown = ListingEquivalence.Map(generated, dump.Form);
        var counted = CounterTransfer.Apply(shown, ListingEquivalence.Map(dump.RuleSet, dump.Form), (a, b) => a.Equals(b));
        var rendered = ListingRenderer.Render(counted, dump.Table.Name, dump.Form);
        var listingMatches = rendered == dumpText;
        var listingReport = listingMatches
            ? "listing: byte-identical to " + dumpName + " (" + Encoding.UTF8.GetByteCount(dumpText) + " bytes)"
            : "listing: differs from " + dumpName + " at " + FirstDifference(dumpText, rendered);
        return new SeedVerdict(diff.AreEqual, modelReport, listingMatches, listingReport);
    }

    private static int RuleCount(RuleSet rules)
    {
        var n = 0;
        foreach (var table in rules.Tables)
        {
            foreach (var chain in table.Chains) n += chain.Rules.Count;
        }
        return n;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < System.Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return "line " + (i + 1) + ":\n  expected: " + el + "\n  actual:   " + al;
        }
        return "line endings";
    }
}
