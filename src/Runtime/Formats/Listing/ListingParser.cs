using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Parses <c>iptables -t TABLE -L -n</c> output (with or without <c>-v</c>, <c>-x</c>,
/// <c>--line-numbers</c>; <c>iptables</c> or <c>ip6tables</c>; protocol names or numbers) into the
/// rule model, detecting the form, so that <see cref="ListingRenderer"/> writes the same text back.
/// </summary>
/// <remarks>
/// <para>What is read and not stored: rule numbers (recomputed on rendering) and the
/// <c>(N references)</c> of user chains (the renderer counts the jumps of the model). Real listings
/// are always consistent; a hand-edited listing whose numbers disagree is accepted and renders
/// with the recomputed numbers.</para>
/// <para>Trailing spaces are optional on input. Extension text that no known extension reads is
/// kept verbatim in <see cref="RawMatch"/>/<see cref="RawTarget"/> (never dropped). A target
/// column naming neither a verdict, nor a chain of the listing, nor a target the model types
/// becomes a <see cref="RawTarget"/>.</para>
/// <para>Every error is a <see cref="DumpParseException"/> naming the line and column.</para>
/// </remarks>
public static class ListingParser
{
    /// <summary>Parses a listing.</summary>
    /// <param name="text">The listing (lines end with <c>\n</c>; a <c>\r</c> before it is ignored).</param>
    /// <param name="source">The name used in error messages.</param>
    /// <param name="tableName">The table listed; inferred from the built-in chains when null
    /// (nat: PREROUTING/INPUT/OUTPUT/POSTROUTING, filter: INPUT/FORWARD/OUTPUT, mangle: all five,
    /// raw: PREROUTING/OUTPUT).</param>
    /// <param name="family">The address family; detected from the addresses when null (IPv4 for a
    /// listing without rules).</param>
    public static ListingDocument Parse(string text, string source = "<text>", string? tableName = null, IpFamily? family = null)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var pool = new Save.TokenPool();
        // Lines are ranges of the text (a line's string is made only for an error message); the
        // chain names are known before the rules are read, so that each rule is built as it is read.
        var lines = new LineRanges(text);
        var chainNames = ChainNames(text, lines, pool);
        var chains = new List<Chain>();
        var builtins = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        (bool LineNumbers, bool Verbose, bool Exact)? layout = null;
        var detectedFamily = family;
        var evidence = FormSet.All;
        var reader = new RuleLineReader(source, text, pool);
        var builder = new RuleBuilder(text, chainNames);
        var modelRules = new List<Rule>();

        var i = 0;
        while (i < lines.Count)
        {
            if (lines.IsBlank(i))
            {
                i++;
                continue;
            }
            var header = ChainHeaderLine.Parse(source, text, lines.Start(i), lines.End(i), i + 1, pool);
            var headerIndex = i;
            // A set, not a scan of the chains so far: a large listing has a hundred thousand chains.
            if (!listed.Add(header.Name)) throw new DumpParseException(source, i + 1, 7, lines.Text(i), "chain \"" + header.Name + "\" is listed twice");
            i++;
            if (i >= lines.Count) throw new DumpParseException(source, i, lines.Text(i - 1).Length + 1, lines.Text(i - 1), "truncated listing: the chain header is not followed by a column header");
            var columns = ColumnHeader.Recognise(text, lines.Start(i), lines.End(i)) ?? throw new DumpParseException(source, i + 1, 1, lines.Text(i), "unrecognised column header (expected \"target     prot opt …\", with -v \" pkts bytes target …\")");
            if (layout is null) layout = columns;
            else if (layout != columns) throw new DumpParseException(source, i + 1, 1, lines.Text(i), "column header of another form than the first chain's");
            if (header.Policy.HasValue) CheckHeaderCounters(source, lines.Text(headerIndex), headerIndex + 1, header, columns.Verbose, columns.Exact);
            i++;

            modelRules.Clear();
            while (i < lines.Count && !lines.IsBlank(i) && !IsHeader(text, lines.Start(i), lines.End(i)))
            {
                var fields = reader.Read(lines.Start(i), lines.End(i), i + 1, columns.LineNumbers, columns.Verbose, columns.Exact);
                if (detectedFamily is null) detectedFamily = fields.Family;
                else if (fields.Family != detectedFamily) throw new DumpParseException(source, i + 1, fields.SourceColumn, lines.Text(i), "address of another family than the rest of the listing (" + (detectedFamily == IpFamily.V6 ? "IPv6" : "IPv4") + ")");
                if (fields.BlankOption && fields.Family != IpFamily.V6) throw new DumpParseException(source, i + 1, fields.OptionColumn, lines.Text(i), "blank option column in an IPv4 listing");
                if (fields.Family == IpFamily.V6 && !fields.BlankOption) fields.Evidence &= FormSet.Separated;
                evidence = (evidence & fields.Evidence) == FormSet.None ? evidence : evidence & fields.Evidence;
                // Building never fails, so building before the rest is read reports the same first error.
                modelRules.Add(builder.Build(fields, detectedFamily.Value));
                i++;
            }
            if (header.Policy.HasValue) builtins.Add(header.Name);
            chains.Add(new Chain(header.Name, header.Policy, header.Counters, modelRules.ToValueList()));
        }
        if (chains.Count == 0) throw new DumpParseException(source, 1, 1, lines.Count > 0 ? lines.Text(0) : string.Empty, "empty listing: expected \"Chain NAME (…)\"");

        var finalFamily = detectedFamily ?? IpFamily.V4;
        var table = new Table(tableName ?? BuiltinChains.InferTable(builtins), chains.ToValueList());
        var form = FormOf(layout!.Value, evidence, finalFamily);
        return new ListingDocument(new RuleSet(finalFamily, new[] { table }.ToValueList()), form);
    }

    /// <summary>
    /// The names of the chains the listing declares: the lines that <see cref="IsHeader"/> stops a
    /// chain's rules at. A listing that parses has a header on exactly these lines (any other line
    /// starting a block fails to parse as a header), so this is the set of chains jumps can name.
    /// </summary>
    private static HashSet<string> ChainNames(string text, LineRanges lines, Save.TokenPool pool)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var start = lines.Start(i);
            var end = lines.End(i);
            if (end - start < 6 || text[start] != 'C' || !IsHeader(text, start, end)) continue;
            var nameEnd = text.IndexOf(' ', start + 6, end - start - 6);
            names.Add(pool.Intern(text, start + 6, nameEnd - start - 6));
        }
        return names;
    }

    private static ListingForm FormOf((bool LineNumbers, bool Verbose, bool Exact) layout, FormSet evidence, IpFamily family)
    {
        var form = new ListingForm { LineNumbers = layout.LineNumbers, Verbose = layout.Verbose, Exact = layout.Exact, Family = family };
        // Prefer the names dialect (the seed's), oldest release first; only evidence moves away from it.
        if ((evidence & FormSet.NamesUpTo1_8_7) != 0) return form with { Dialect = ListingDialect.Names, NamesRelease = ListingNamesRelease.UpTo1_8_7 };
        if ((evidence & FormSet.Names1_8_8) != 0) return form with { Dialect = ListingDialect.Names, NamesRelease = ListingNamesRelease.Release1_8_8 };
        if ((evidence & FormSet.Numbers) != 0) return form with { Dialect = ListingDialect.Numbers };
        return form with { Dialect = ListingDialect.Names, NamesRelease = ListingNamesRelease.From1_8_11 };
    }

    private static void CheckHeaderCounters(string source, string line, int lineNumber, ChainHeaderLine header, bool verbose, bool exact)
    {
        if (!header.Policy.HasValue) return;
        if (verbose && header.Counters is null) throw new DumpParseException(source, lineNumber, line.Length, line, "policy counters missing in a -v listing");
        if (!verbose && header.Counters is not null) throw new DumpParseException(source, lineNumber, header.CountersColumn, line, "policy counters in a listing without -v");
        if (exact && header.Counters is { } c && (!c.Packets.IsExact || !c.Bytes.IsExact)) throw new DumpParseException(source, lineNumber, header.CountersColumn, line, "rounded policy counter in an -x listing");
    }

    private static bool IsHeader(string text, int start, int end)
    {
        if (end - start < 6 || string.CompareOrdinal(text, start, "Chain ", 0, 6) != 0) return false;
        // A rule whose target is a chain called "Chain" also starts with "Chain "; a header has "(" after the name.
        var nameEnd = text.IndexOf(' ', start + 6, end - start - 6);
        return nameEnd > start + 6 && nameEnd + 1 < end && text[nameEnd + 1] == '(';
    }
}
