using System.Collections.Generic;
using NatDsl.Analysis.Diff;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Testing;

/// <summary>
/// One comparison of a rule set with an existing golden dump: the golden parsed by the runtime's
/// save or listing parser, the rule set scoped to the golden's tables, both compared by the
/// semantic diff (a listing under the listing equivalence of its form), and the received dump in
/// the golden's own format.
/// </summary>
internal sealed class GoldenComparison
{
    private GoldenComparison(DiffResult result, string? received, string description)
    {
        Result = result;
        Received = received;
        Description = description;
    }

    /// <summary>The semantic comparison (expected = golden, actual = rule set).</summary>
    public DiffResult Result { get; }

    /// <summary>The rule set in the golden's format and form, or null if it cannot be written so (a listed table it lacks).</summary>
    public string? Received { get; }

    /// <summary>What the golden is, e.g. <c>iptables-save</c> or <c>-L -v -n (names UpTo1_8_7, IPv4), table nat</c>.</summary>
    public string Description { get; }

    /// <summary>Compares; throws <see cref="Formats.DumpParseException"/> when the golden cannot be read.</summary>
    public static GoldenComparison Run(RuleSet actual, string goldenText, string goldenPath, GoldenOptions options)
    {
        if (GoldenFiles.IsListingText(goldenText))
        {
            var listing = ListingParser.Parse(goldenText, goldenPath, options.ListingTable);
            var form = listing.Form;
            var tableName = listing.Table.Name;
            var scoped = Only(actual, listing.RuleSet);
            var result = RuleSetDiff.Compare(listing.RuleSet, scoped, DiffOptionsFor(options, ruleSet => ListingEquivalence.Map(ruleSet, form)));
            var received = actual.FindTable(tableName) is null ? null : ListingRenderer.Render(actual, tableName, form);
            return new GoldenComparison(result, received, form + ", table " + tableName);
        }

        var expected = SaveParser.Parse(goldenText, goldenPath).RuleSet;
        var compared = options.CompareOnlyGoldenTables ? Only(actual, expected) : actual;
        return new GoldenComparison(
            RuleSetDiff.Compare(expected, compared, DiffOptionsFor(options, null)),
            SaveText(compared, options),
            "iptables-save");
    }

    /// <summary>The received dump when there is no golden: its format decided by the golden's file name.</summary>
    public static string ReceivedWithoutGolden(RuleSet actual, string goldenPath, GoldenOptions options, out string description)
    {
        if (GoldenFiles.IsListingName(goldenPath) && ListingTableOf(actual, options) is { } table)
        {
            description = options.ReceivedListingForm + ", table " + table;
            return ListingRenderer.Render(actual, table, options.ReceivedListingForm);
        }
        description = "iptables-save";
        return SaveText(actual, options);
    }

    private static string? ListingTableOf(RuleSet ruleSet, GoldenOptions options)
    {
        if (options.ListingTable is not null) return ruleSet.FindTable(options.ListingTable) is null ? null : options.ListingTable;
        if (ruleSet.FindTable("nat") is not null) return "nat";
        return ruleSet.Tables.Count > 0 ? ruleSet.Tables[0].Name : null;
    }

    private static string SaveText(RuleSet ruleSet, GoldenOptions options) =>
        SaveRenderer.Render(ruleSet, new SaveRenderOptions { RuleCounters = !options.IgnoreCounters });

    private static DiffOptions DiffOptionsFor(GoldenOptions options, System.Func<RuleSet, RuleSet>? normalize) => new DiffOptions
    {
        IgnoreCounters = options.IgnoreCounters,
        UnorderedServiceGroups = options.UnorderedServiceGroups,
        KubeProxySort = options.KubeProxySort,
        IgnoreChainOrder = true,
        Normalize = normalize,
    };

    /// <summary>The tables of <paramref name="ruleSet"/> that <paramref name="shape"/> has, in the shape's order.</summary>
    private static RuleSet Only(RuleSet ruleSet, RuleSet shape)
    {
        var tables = new List<Table>();
        foreach (var table in shape.Tables)
        {
            if (ruleSet.FindTable(table.Name) is { } found) tables.Add(found);
        }
        return ruleSet with { Tables = new ValueList<Table>(tables) };
    }
}
