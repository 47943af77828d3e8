using System;
using System.Collections.Generic;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Tests.Properties;

/// <summary>The round trips the properties check; each returns null when it holds, else what went wrong.</summary>
public static class RoundTrip
{
    /// <summary>Save text parses back to the same model and renders to the same text.</summary>
    public static string? Save(RuleSet rules, SaveRenderOptions options) => Save(rules, rules, options);

    /// <summary>Save text of <paramref name="rules"/> parses back to <paramref name="expected"/>, which renders to the same text.</summary>
    public static string? Save(RuleSet rules, RuleSet expected, SaveRenderOptions options)
    {
        var text = SaveRenderer.Render(rules, options);
        var parsed = SaveParser.Parse(text, "generated", new SaveParseOptions { Family = rules.Family }).RuleSet;
        if (parsed != expected) return "save round trip changed the model:\n" + FirstDifference(expected, parsed) + "\nsave text:\n" + text;
        var again = SaveRenderer.Render(parsed, options);
        if (ReferenceEquals(rules, expected) && again != text) return "save text differs after a round trip:\n" + text + "\n---\n" + again;
        return null;
    }

    /// <summary>
    /// Every table in every listing form parses back to an equivalent model (<see cref="ListingEquivalence"/>),
    /// with the same -v/-x/--line-numbers, and renders again to the same text.
    /// </summary>
    public static string? Listing(RuleSet rules, IReadOnlyList<ListingForm> forms)
    {
        foreach (var table in rules.Tables)
        {
            var single = rules with { Tables = new[] { table }.ToValueList() };
            foreach (var form in forms)
            {
                var text = ListingRenderer.Render(table, form);
                ListingDocument parsed;
                try
                {
                    parsed = ListingParser.Parse(text, "generated", table.Name, rules.Family);
                }
                catch (NatDsl.Formats.DumpParseException e)
                {
                    return "listing " + form + " of " + table.Name + " does not parse: " + e.Message + "\nlisting:\n" + text;
                }
                if (parsed.Form.Verbose != form.Verbose || parsed.Form.LineNumbers != form.LineNumbers || (parsed.Form.Verbose && parsed.Form.Exact) != (form.Verbose && form.Exact))
                {
                    return "listing " + form + " of " + table.Name + " was read as " + parsed.Form;
                }
                var expected = ListingEquivalence.Map(single, form);
                var actual = ListingEquivalence.Map(parsed.RuleSet, form);
                if (expected != actual)
                {
                    return "listing " + form + " of " + table.Name + " is not equivalent after parsing:\n" + FirstDifference(expected, actual) + "\nlisting:\n" + text;
                }
                var again = ListingRenderer.Render(parsed with { Form = form });
                if (again != text) return "listing " + form + " of " + table.Name + " renders differently after a round trip:\n" + text + "\n---\n" + again;
            }
        }
        return null;
    }

    /// <summary>The first table, chain or rule where two models differ, in save syntax.</summary>
    public static string FirstDifference(RuleSet expected, RuleSet actual)
    {
        if (expected.Family != actual.Family) return "family " + expected.Family + " vs " + actual.Family;
        if (expected.Tables.Count != actual.Tables.Count) return "tables " + expected.Tables.Count + " vs " + actual.Tables.Count;
        for (var t = 0; t < expected.Tables.Count; t++)
        {
            var et = expected.Tables[t];
            var at = actual.Tables[t];
            if (et.Name != at.Name) return "table " + et.Name + " vs " + at.Name;
            if (et.Chains.Count != at.Chains.Count) return et.Name + ": chains " + Names(et) + " vs " + Names(at);
            for (var c = 0; c < et.Chains.Count; c++)
            {
                var ec = et.Chains[c];
                var ac = at.Chains[c];
                if (ec.Name != ac.Name || ec.Policy != ac.Policy || ec.Counters != ac.Counters)
                {
                    return et.Name + ": chain " + ec.Name + " " + ec.Policy + " " + ec.Counters + " vs " + ac.Name + " " + ac.Policy + " " + ac.Counters;
                }
                if (ec.Rules.Count != ac.Rules.Count) return et.Name + "/" + ec.Name + ": " + ec.Rules.Count + " rules vs " + ac.Rules.Count;
                for (var r = 0; r < ec.Rules.Count; r++)
                {
                    if (ec.Rules[r] != ac.Rules[r])
                    {
                        return et.Name + "/" + ec.Name + " rule " + (r + 1) + ":\n  expected " + Describe(ec.Name, ec.Rules[r]) + "\n  actual   " + Describe(ac.Name, ac.Rules[r])
                            + "\n  expected model " + ec.Rules[r] + "\n  actual model   " + ac.Rules[r];
                    }
                }
            }
        }
        return "(no difference found)";
    }

    private static string Describe(string chain, Rule rule) => SaveRenderer.RenderRule(chain, rule) + " " + rule.Counters;

    private static string Names(Table table) => string.Join(",", Array.ConvertAll(ToArray(table.Chains), c => c.Name));

    private static Chain[] ToArray(ValueList<Chain> chains)
    {
        var array = new Chain[chains.Count];
        for (var i = 0; i < array.Length; i++) array[i] = chains[i];
        return array;
    }
}
