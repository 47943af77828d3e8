using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using NatDsl.Analysis.Diff;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Generator.Diagnostics;
using NatDsl.Generator.Model;
using NatDsl.Model;

namespace NatDsl.Generator.Golden;

/// <summary>
/// Compares the generated node rules with a golden dump using the runtime's parsers and
/// semantic diff: an <c>iptables-save</c> dump is compared table by table (only the tables the
/// dump has), a listing (<c>iptables -L -n [-v] [-x]</c>) under the listing's equivalence (both
/// sides mapped to what that listing form shows). Counters and chain order are ignored. Each
/// difference becomes one NATDSL009; a dump the parsers reject becomes NATDSL008 at its line.
/// </summary>
internal static class GoldenDiff
{
    /// <summary>At most this many differences are reported one by one; the rest are counted in one more warning.</summary>
    public const int MaxReported = 20;

    public static EquatableArray<GoldenFinding> Findings(GoldenInput input, CancellationToken cancellationToken)
    {
        var text = input.Text!;
        var actual = SaveParser.Parse(input.NodeScript, input.Class.FullName).RuleSet;
        RuleSet expected;
        try
        {
            if (IsListing(text))
            {
                var listing = ListingParser.Parse(text, input.Golden);
                expected = ListingEquivalence.Map(listing.RuleSet, listing.Form);
                actual = ListingEquivalence.Map(Only(actual, expected), listing.Form);
            }
            else
            {
                expected = SaveParser.Parse(text, input.Golden).RuleSet;
                actual = Only(actual, expected);
            }
        }
        catch (DumpParseException exception)
        {
            return EquatableArray<GoldenFinding>.Own(new[] { Unreadable(input, exception) });
        }
        cancellationToken.ThrowIfCancellationRequested();

        var result = RuleSetDiff.Compare(expected, actual, new DiffOptions { IgnoreCounters = true });
        var findings = new List<GoldenFinding>();
        var count = 0;
        foreach (var difference in result.Changes)
        {
            count++;
            if (count <= MaxReported) findings.Add(Differs(input, Describe(difference)));
        }
        if (count > MaxReported)
        {
            findings.Add(Differs(input, (count - MaxReported).ToString(CultureInfo.InvariantCulture) + " more differences"));
        }
        return findings.ToEquatableArray();
    }

    /// <summary>A listing starts (after blank lines) with "Chain NAME (…)"; anything else is read as a save dump.</summary>
    private static bool IsListing(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            return line.StartsWith("Chain ", StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>The tables of <paramref name="ruleSet"/> that <paramref name="shape"/> has, in its order.</summary>
    private static RuleSet Only(RuleSet ruleSet, RuleSet shape)
    {
        var tables = new List<Table>();
        foreach (var table in shape.Tables)
        {
            if (ruleSet.FindTable(table.Name) is { } found) tables.Add(found);
        }
        return ruleSet with { Tables = new ValueList<Table>(tables) };
    }

    private static string Describe(Difference difference)
    {
        var where = difference.Table + (difference.Chain is null ? string.Empty : " " + difference.Chain);
        var index = difference.ExpectedIndex ?? difference.ActualIndex;
        if (difference.Expected is not null || difference.Actual is not null)
        {
            where += " rule " + ((index ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        }
        var text = where + ": " + difference.Explanation;
        if (difference.Expected is not null || difference.Actual is not null)
        {
            text += "; expected " + Rule(difference.Chain, difference.Expected) + ", actual " + Rule(difference.Chain, difference.Actual);
        }
        return text;
    }

    private static string Rule(string? chain, Rule? rule) =>
        rule is null ? "none" : "'" + SaveRenderer.RenderRule(chain ?? string.Empty, rule) + "'";

    private static GoldenFinding Differs(GoldenInput input, string message) =>
        new(DiagnosticDescriptors.GoldenDumpDiffers, null, EquatableArray<string>.Own(new[] { input.Golden, message }));

    /// <summary>NATDSL008 located in the dump itself, at the line and column the parser names.</summary>
    private static GoldenFinding Unreadable(GoldenInput input, DumpParseException exception)
    {
        var text = input.Text!;
        var line = Math.Max(1, exception.Line);
        var column = Math.Max(1, exception.Column);
        var start = 0;
        for (var i = 1; i < line && start >= 0; i++)
        {
            var next = text.IndexOf('\n', start);
            start = next < 0 ? text.Length : next + 1;
        }
        var end = text.IndexOf('\n', start);
        if (end < 0) end = text.Length;
        var position = Math.Min(start + column - 1, end);
        var location = new LocationInfo(
            input.FilePath!,
            TextSpan.FromBounds(position, end),
            new LinePositionSpan(new LinePosition(line - 1, column - 1), new LinePosition(line - 1, column - 1 + (end - position))));
        return new GoldenFinding(DiagnosticDescriptors.GoldenDumpUnreadable, location, EquatableArray<string>.Own(new[]
        {
            input.Golden,
            line.ToString(CultureInfo.InvariantCulture),
            column.ToString(CultureInfo.InvariantCulture),
            exception.Problem,
        }));
    }
}
