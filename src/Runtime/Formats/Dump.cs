using System;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Formats;

/// <summary>
/// An iptables dump read by <see cref="DumpReader"/>: the rule set, the format it was written in,
/// and the parsed document of that format (exactly one of <see cref="Listing"/>,
/// <see cref="Save"/>, <see cref="Rules"/> is set), which renders the dump back byte for byte.
/// </summary>
public sealed record Dump
{
    /// <summary>Creates a dump.</summary>
    public Dump(string source, DumpFormat format, RuleSet ruleSet)
    {
        Source = source;
        Format = format;
        RuleSet = ruleSet;
    }

    /// <summary>The name of the input (file name, <c>&lt;stdin&gt;</c>).</summary>
    public string Source { get; init; }

    /// <summary>The detected format.</summary>
    public DumpFormat Format { get; init; }

    /// <summary>The tables, chains and rules (one table for a listing or <c>-S</c> dump).</summary>
    public RuleSet RuleSet { get; init; }

    /// <summary>The parsed listing (with its <see cref="ListingDocument.Form"/>), for <see cref="DumpFormat.Listing"/>.</summary>
    public ListingDocument? Listing { get; init; }

    /// <summary>The parsed <c>iptables-save</c> document, for <see cref="DumpFormat.Save"/>.</summary>
    public SaveDocument? Save { get; init; }

    /// <summary>The parsed <c>iptables -S</c> document, for <see cref="DumpFormat.Rules"/>.</summary>
    public RulesDocument? Rules { get; init; }

    /// <summary>1-based line of the input where the dump begins (1 unless lenient reading skipped lines before it).</summary>
    public int FirstLine { get; init; } = 1;

    /// <summary>1-based line of the input where the dump ends.</summary>
    public int LastLine { get; init; }

    /// <summary>Lines of the input that are not part of the dump (lenient reading only; blank lines are not listed).</summary>
    public ValueList<SkippedLine> Skipped { get; init; } = ValueList<SkippedLine>.Empty;

    /// <summary>For a listing: the input line of every rule, chain by chain. Empty for other formats.</summary>
    public ValueList<RuleLine> RuleLines { get; init; } = ValueList<RuleLine>.Empty;

    /// <summary>
    /// True when rule counters were part of the dump (<c>-L -v</c>, <c>iptables-save -c</c>,
    /// <c>iptables -v -S</c>).
    /// </summary>
    public bool HasRuleCounters => Format switch
    {
        DumpFormat.Listing => Listing!.Form.Verbose,
        DumpFormat.Save => Save!.RuleCounters,
        _ => Rules!.Counters,
    };

    /// <summary>The input line of rule <paramref name="index"/> (0-based) of <paramref name="chain"/>, for a listing; null otherwise.</summary>
    public RuleLine? FindRuleLine(string chain, int index)
    {
        foreach (var line in RuleLines)
        {
            if (line.Index == index && string.Equals(line.Chain, chain, StringComparison.Ordinal)) return line;
        }
        return null;
    }
}
