using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Turns a <see cref="DiffResult"/> into readable text, grouped by table and chain, with the
/// expected (<c>-</c>) and actual (<c>+</c>) rule lines. The rule text comes from a formatter the
/// caller passes (normally the iptables-save renderer), so that this class writes no iptables
/// syntax itself. Lines end with <c>\n</c>; the output depends only on the result.
/// </summary>
public static class DiffReport
{
    /// <summary>Renders the result.</summary>
    /// <param name="result">The comparison result.</param>
    /// <param name="formatRule">Renders a rule of the named chain as one line (e.g. an iptables-save <c>-A</c> line).</param>
    public static string Render(DiffResult result, Func<string, Rule, string> formatRule)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        if (formatRule is null) throw new ArgumentNullException(nameof(formatRule));
        var text = new StringBuilder();
        text.Append(Summary(result)).Append('\n');
        foreach (var table in Group(result.Differences))
        {
            text.Append(table.Name.Length == 0 ? "rule set" : "table " + table.Name).Append('\n');
            foreach (var difference in table.Own) Entry(text, "  ", difference, result, formatRule);
            foreach (var chain in table.Chains)
            {
                text.Append("  chain ").Append(chain.Name).Append('\n');
                foreach (var difference in chain.Differences) Entry(text, "    ", difference, result, formatRule);
            }
        }
        return text.ToString();
    }

    private static string Summary(DiffResult result)
    {
        int changes = 0, notes = 0;
        foreach (var difference in result.Differences)
        {
            if (difference.IsNote) notes++;
            else changes++;
        }
        var summary = changes == 0 ? "rule sets are equal" : "rule sets differ: " + Count(changes, "difference");
        return notes == 0 ? summary : summary + (changes == 0 ? " (" : ", ") + Count(notes, "note") + (changes == 0 ? ")" : string.Empty);
    }

    private static void Entry(StringBuilder text, string indent, Difference difference, DiffResult result, Func<string, Rule, string> formatRule)
    {
        text.Append(indent).Append(Label(difference.Kind));
        var where = Positions(difference);
        if (where.Length > 0) text.Append(" (").Append(where).Append(')');
        text.Append(": ").Append(difference.Explanation).Append('\n');
        var lines = indent + "  ";
        var chain = difference.Chain ?? string.Empty;
        switch (difference.Kind)
        {
            case DifferenceKind.ChainMissing:
                RuleLines(text, lines, "- ", Find(result.Expected, difference.Table, difference.ExpectedIndex), formatRule);
                return;
            case DifferenceKind.ChainExtra:
                RuleLines(text, lines, "+ ", Find(result.Actual, difference.Table, difference.ActualIndex), formatRule);
                return;
            case DifferenceKind.TableMissing:
                ChainLines(text, lines, result.Expected.FindTable(difference.Table));
                return;
            case DifferenceKind.TableExtra:
                ChainLines(text, lines, result.Actual.FindTable(difference.Table));
                return;
        }
        if (difference.Expected is not null) text.Append(lines).Append("- ").Append(formatRule(chain, difference.Expected)).Append('\n');
        if (difference.Actual is not null && !difference.IsNote) text.Append(lines).Append("+ ").Append(formatRule(chain, difference.Actual)).Append('\n');
    }

    private static Chain? Find(RuleSet rules, string table, int? index)
    {
        var found = rules.FindTable(table);
        return found is null || !index.HasValue || index.Value >= found.Chains.Count ? null : found.Chains[index.Value];
    }

    private static void RuleLines(StringBuilder text, string indent, string sign, Chain? chain, Func<string, Rule, string> formatRule)
    {
        if (chain is null) return;
        foreach (var rule in chain.Rules) text.Append(indent).Append(sign).Append(formatRule(chain.Name, rule)).Append('\n');
    }

    private static void ChainLines(StringBuilder text, string indent, Table? table)
    {
        if (table is null) return;
        foreach (var chain in table.Chains)
        {
            text.Append(indent).Append("chain ").Append(chain.Name).Append(" (").Append(Count(chain.Rules.Count, "rule")).Append(")\n");
        }
    }

    private static string Label(DifferenceKind kind) => kind switch
    {
        DifferenceKind.FamilyDiffers => "family differs",
        DifferenceKind.TableMissing => "missing table",
        DifferenceKind.TableExtra => "extra table",
        DifferenceKind.ChainMissing => "missing chain",
        DifferenceKind.ChainExtra => "extra chain",
        DifferenceKind.ChainMoved => "chain moved",
        DifferenceKind.PolicyDiffers => "policy differs",
        DifferenceKind.ChainCountersDiffer => "chain counters differ",
        DifferenceKind.RuleMissing => "missing rule",
        DifferenceKind.RuleExtra => "extra rule",
        DifferenceKind.RuleDiffers => "rule differs",
        DifferenceKind.RuleMoved => "rule moved",
        _ => "note",
    };

    /// <summary>Rule numbers (1-based, as iptables numbers rules) for rule kinds; nothing otherwise (the explanation says it).</summary>
    private static string Positions(Difference difference)
    {
        switch (difference.Kind)
        {
            case DifferenceKind.RuleMissing:
            case DifferenceKind.RuleExtra:
            case DifferenceKind.RuleDiffers:
            case DifferenceKind.RuleMoved:
            case DifferenceKind.OpaqueExtension:
                var parts = new List<string>();
                if (difference.ExpectedIndex.HasValue) parts.Add("expected #" + Number(difference.ExpectedIndex.Value));
                if (difference.ActualIndex.HasValue) parts.Add("actual #" + Number(difference.ActualIndex.Value));
                return string.Join(", ", parts.ToArray());
            default:
                return string.Empty;
        }
    }

    private static List<TableGroup> Group(IEnumerable<Difference> differences)
    {
        var tables = new List<TableGroup>();
        var byName = new Dictionary<string, TableGroup>(StringComparer.Ordinal);
        foreach (var difference in differences)
        {
            if (!byName.TryGetValue(difference.Table, out var table))
            {
                table = new TableGroup(difference.Table);
                byName.Add(difference.Table, table);
                tables.Add(table);
            }
            table.Add(difference);
        }
        return tables;
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private sealed class TableGroup
    {
        private readonly Dictionary<string, ChainGroup> _byName = new Dictionary<string, ChainGroup>(StringComparer.Ordinal);

        public TableGroup(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public List<Difference> Own { get; } = new List<Difference>();

        public List<ChainGroup> Chains { get; } = new List<ChainGroup>();

        public void Add(Difference difference)
        {
            if (difference.Chain is null)
            {
                Own.Add(difference);
                return;
            }
            if (!_byName.TryGetValue(difference.Chain, out var chain))
            {
                chain = new ChainGroup(difference.Chain);
                _byName.Add(difference.Chain, chain);
                Chains.Add(chain);
            }
            chain.Differences.Add(difference);
        }
    }

    private sealed class ChainGroup
    {
        public ChainGroup(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public List<Difference> Differences { get; } = new List<Difference>();
    }
}
