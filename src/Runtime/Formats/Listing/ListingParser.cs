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
        var chainNames = ChainNames(text, pool, out var repeatedName);
        var chains = new List<Chain>(chainNames.Count);
        var builtins = new List<string>();
        // Only a listing declaring a name twice can fail with "listed twice": the others need no second set.
        var listed = repeatedName ? new HashSet<string>(StringComparer.Ordinal) : null;
        (bool LineNumbers, bool Verbose, bool Exact)? layout = null;
        var detectedFamily = family;
        var evidence = FormSet.All;
        var reader = new RuleLineReader(source, text, pool);
        var builder = new RuleBuilder(text, chainNames);
        var modelRules = new List<Rule>();

        var line = new LineCursor(text);
        var more = line.MoveNext();
        while (more)
        {
            if (line.IsBlank)
            {
                more = line.MoveNext();
                continue;
            }
            string name;
            ChainHeaderLine? header = null;
            if (!ChainHeaderLine.TryReadUserChain(text, line.Start, line.End, pool, out name))
            {
                header = ChainHeaderLine.Parse(source, line.Text, line.Number);
                name = header.Name;
            }
            var headerNumber = line.Number;
            var headerStart = line.Start;
            var headerEnd = line.End;
            string HeaderText() => text.Substring(headerStart, headerEnd - headerStart);
            // A set, not a scan of the chains so far: a large listing has a hundred thousand chains.
            if (listed is not null && !listed.Add(name)) throw new DumpParseException(source, headerNumber, 7, HeaderText(), "chain \"" + name + "\" is listed twice");
            more = line.MoveNext();
            if (!more) throw new DumpParseException(source, headerNumber, headerEnd - headerStart + 1, HeaderText(), "truncated listing: the chain header is not followed by a column header");
            var columns = ColumnHeader.Recognise(text, line.Start, line.End) ?? throw new DumpParseException(source, line.Number, 1, line.Text, "unrecognised column header (expected \"target     prot opt …\", with -v \" pkts bytes target …\")");
            if (layout is null) layout = columns;
            else if (layout != columns) throw new DumpParseException(source, line.Number, 1, line.Text, "column header of another form than the first chain's");
            if (header?.Policy is not null) CheckHeaderCounters(source, HeaderText(), headerNumber, header, columns.Verbose, columns.Exact);
            more = line.MoveNext();

            modelRules.Clear();
            while (more && !line.IsBlank && !IsHeader(text, line.Start, line.End))
            {
                var fields = reader.Read(line.Start, line.End, line.Number, columns.LineNumbers, columns.Verbose, columns.Exact);
                if (detectedFamily is null) detectedFamily = fields.Family;
                else if (fields.Family != detectedFamily) throw new DumpParseException(source, line.Number, fields.SourceColumn, line.Text, "address of another family than the rest of the listing (" + (detectedFamily == IpFamily.V6 ? "IPv6" : "IPv4") + ")");
                if (fields.BlankOption && fields.Family != IpFamily.V6) throw new DumpParseException(source, line.Number, fields.OptionColumn, line.Text, "blank option column in an IPv4 listing");
                if (fields.Family == IpFamily.V6 && !fields.BlankOption) fields.Evidence &= FormSet.Separated;
                evidence = (evidence & fields.Evidence) == FormSet.None ? evidence : evidence & fields.Evidence;
                // Building never fails, so building before the rest is read reports the same first error.
                modelRules.Add(builder.Build(fields, detectedFamily.Value));
                more = line.MoveNext();
            }
            if (header?.Policy is not null) builtins.Add(name);
            chains.Add(new Chain(name, header?.Policy, header?.Counters, modelRules.ToValueList()));
        }
        if (chains.Count == 0) throw new DumpParseException(source, 1, 1, FirstLine(text), "empty listing: expected \"Chain NAME (…)\"");

        var finalFamily = detectedFamily ?? IpFamily.V4;
        var table = new Table(tableName ?? BuiltinChains.InferTable(builtins), chains.ToValueList());
        var form = FormOf(layout!.Value, evidence, finalFamily);
        return new ListingDocument(new RuleSet(finalFamily, new[] { table }.ToValueList()), form);
    }

    private static string FirstLine(string text)
    {
        var line = new LineCursor(text);
        return line.MoveNext() ? line.Text : string.Empty;
    }

    /// <summary>
    /// The chains the listing declares, each with its jump target: the names on the lines that
    /// <see cref="IsHeader"/> stops a chain's rules at. A listing that parses has a header on
    /// exactly these lines (any other line starting a block fails to parse as a header), so these
    /// are the chains jumps can name. <paramref name="repeated"/> tells whether a name comes twice.
    /// </summary>
    private static Dictionary<string, JumpTarget> ChainNames(string text, Save.TokenPool pool, out bool repeated)
    {
        repeated = false;
        // Header lines start the text or follow a '\n': one substring search instead of a look at every line.
        var ranges = new List<int>();
        for (var at = text.StartsWith("Chain ", StringComparison.Ordinal) ? 0 : NextHeaderStart(text, 0); at >= 0; at = NextHeaderStart(text, at))
        {
            var newline = text.IndexOf('\n', at);
            var end = newline < 0 ? text.Length : newline;
            if (end > at && text[end - 1] == '\r') end--;
            if (!IsHeader(text, at, end)) continue;
            ranges.Add(at + 6);
            ranges.Add(text.IndexOf(' ', at + 6, end - at - 6));
        }
        pool.Reserve((ranges.Count / 2) + 1024);
        var names = new Dictionary<string, JumpTarget>(ranges.Count / 2, StringComparer.Ordinal);
        for (var k = 0; k < ranges.Count; k += 2)
        {
            var name = pool.Intern(text, ranges[k], ranges[k + 1] - ranges[k]);
            if (names.ContainsKey(name)) repeated = true;
            else names.Add(name, new JumpTarget(name));
        }
        return names;
    }

    /// <summary>The start of the next line after <paramref name="from"/> that begins with <c>Chain </c>, or -1.</summary>
    private static int NextHeaderStart(string text, int from)
    {
        // Without the space: a search for "\nChain " also stops at every rule line of a -v listing
        // (it compares the first and the last character first, and rule lines have a space there).
        while (true)
        {
            var found = text.IndexOf("\nChain", from, StringComparison.Ordinal);
            if (found < 0 || found + 7 >= text.Length) return -1;
            if (text[found + 6] == ' ') return found + 1;
            from = found + 1;
        }
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

    /// <summary>True when <c>text[start..end)</c> is a chain header line (not a rule of a target called <c>Chain</c>).</summary>
    private static bool IsHeader(string text, int start, int end)
    {
        if (end - start < 6 || string.CompareOrdinal(text, start, "Chain ", 0, 6) != 0) return false;
        // A rule whose target is a chain called "Chain" also starts with "Chain "; a header has "(" after the name.
        var nameEnd = text.IndexOf(' ', start + 6, end - start - 6);
        return nameEnd > start + 6 && nameEnd + 1 < end && text[nameEnd + 1] == '(';
    }
}
