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
        var lines = SplitLines(text);
        var blocks = new List<(ChainHeaderLine Header, List<RuleLineFields> Rules)>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        (bool LineNumbers, bool Verbose, bool Exact)? layout = null;
        var detectedFamily = family;
        var evidence = FormSet.All;
        var pool = new Save.TokenPool();

        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].TrimEnd(' ').Length == 0)
            {
                i++;
                continue;
            }
            var header = ChainHeaderLine.Parse(source, lines[i], i + 1);
            var headerIndex = i;
            // A set, not a scan of the chains so far: a large listing has a hundred thousand chains.
            if (!listed.Add(header.Name)) throw new DumpParseException(source, i + 1, 7, lines[i], "chain \"" + header.Name + "\" is listed twice");
            i++;
            if (i >= lines.Count) throw new DumpParseException(source, i, lines[i - 1].Length + 1, lines[i - 1], "truncated listing: the chain header is not followed by a column header");
            var columns = ColumnHeader.Recognise(lines[i]) ?? throw new DumpParseException(source, i + 1, 1, lines[i], "unrecognised column header (expected \"target     prot opt …\", with -v \" pkts bytes target …\")");
            if (layout is null) layout = columns;
            else if (layout != columns) throw new DumpParseException(source, i + 1, 1, lines[i], "column header of another form than the first chain's");
            CheckHeaderCounters(source, lines[headerIndex], headerIndex + 1, header, columns.Verbose, columns.Exact);
            i++;

            var rules = new List<RuleLineFields>();
            while (i < lines.Count && lines[i].TrimEnd(' ').Length > 0 && !IsHeader(lines[i]))
            {
                var fields = RuleLineReader.Read(source, lines[i], i + 1, columns.LineNumbers, columns.Verbose, columns.Exact, pool);
                if (detectedFamily is null) detectedFamily = fields.Family;
                else if (fields.Family != detectedFamily) throw new DumpParseException(source, i + 1, fields.SourceColumn, lines[i], "address of another family than the rest of the listing (" + (detectedFamily == IpFamily.V6 ? "IPv6" : "IPv4") + ")");
                if (fields.BlankOption && fields.Family != IpFamily.V6) throw new DumpParseException(source, i + 1, fields.OptionColumn, lines[i], "blank option column in an IPv4 listing");
                if (fields.Family == IpFamily.V6 && !fields.BlankOption) fields.Evidence &= FormSet.Separated;
                evidence = (evidence & fields.Evidence) == FormSet.None ? evidence : evidence & fields.Evidence;
                rules.Add(fields);
                i++;
            }
            blocks.Add((header, rules));
        }
        if (blocks.Count == 0) throw new DumpParseException(source, 1, 1, lines.Count > 0 ? lines[0] : string.Empty, "empty listing: expected \"Chain NAME (…)\"");

        var finalFamily = detectedFamily ?? IpFamily.V4;
        var chainNames = new HashSet<string>(StringComparer.Ordinal);
        var builtins = new List<string>();
        foreach (var (header, _) in blocks)
        {
            chainNames.Add(header.Name);
            if (header.Policy.HasValue) builtins.Add(header.Name);
        }

        var chains = new List<Chain>();
        foreach (var (header, rules) in blocks)
        {
            var modelRules = new List<Rule>();
            foreach (var fields in rules) modelRules.Add(BuildRule(fields, chainNames, finalFamily));
            chains.Add(new Chain(header.Name, header.Policy, header.Counters, modelRules.ToValueList()));
        }
        var table = new Table(tableName ?? BuiltinChains.InferTable(builtins), chains.ToValueList());
        var form = FormOf(layout!.Value, evidence, finalFamily);
        return new ListingDocument(new RuleSet(finalFamily, new[] { table }.ToValueList()), form);
    }

    private static Rule BuildRule(RuleLineFields fields, HashSet<string> chainNames, IpFamily family)
    {
        Target? fixedTarget = null;
        var name = fields.TargetName;
        if (fields.Goto) fixedTarget = new JumpTarget(name, Goto: true);
        else if (name == "ACCEPT") fixedTarget = VerdictTarget.Accept;
        else if (name == "DROP") fixedTarget = VerdictTarget.Drop;
        else if (name == "RETURN") fixedTarget = VerdictTarget.Return;
        else if (name == "QUEUE") fixedTarget = new VerdictTarget(Verdict.Queue);
        else if (name.Length > 0 && chainNames.Contains(name)) fixedTarget = new JumpTarget(name);
        var (matches, target) = ExtrasSplitter.Split(fields.Extras, name, fixedTarget, new ExtensionContext(family, fields.Protocol));
        return new Rule
        {
            Source = fields.Source,
            Destination = fields.Destination,
            InInterface = fields.InInterface,
            OutInterface = fields.OutInterface,
            Protocol = fields.Protocol,
            Fragment = fields.Fragment,
            Matches = matches,
            Target = target,
            Counters = fields.Counters,
        };
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

    private static bool IsHeader(string line)
    {
        if (!ChainHeaderLine.Looks(line)) return false;
        // A rule whose target is a chain called "Chain" also starts with "Chain "; a header has "(" after the name.
        var nameEnd = line.IndexOf(' ', 6);
        return nameEnd > 6 && nameEnd + 1 < line.Length && line[nameEnd + 1] == '(';
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        if (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].EndsWith("\r", StringComparison.Ordinal)) lines[i] = lines[i].Substring(0, lines[i].Length - 1);
        }
        return lines;
    }
}
