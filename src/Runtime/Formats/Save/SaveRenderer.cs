using System;
using System.Collections.Generic;
using System.Text;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Formats.Save;

/// <summary>
/// Renders rule sets in <c>iptables-save</c> form exactly as iptables-save 1.8.9 prints them:
/// <c>*table</c>, chain lines <c>:NAME POLICY [p:b]</c> (user chains <c>-</c>), rules grouped by
/// chain in the model's chain order, <c>COMMIT</c>; optional header/footer and rule counters.
/// </summary>
public static class SaveRenderer
{
    /// <summary>Renders a parsed document back to the bytes it was read from (for iptables-save output).</summary>
    public static string Render(SaveDocument document)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        var eol = document.LineEnding;
        var write = new RuleWriteOptions(omitInvertedWildcardInterface: false, inlineCounters: false, lenient: false);
        var output = new PieceText(1 << 16);
        var tables = document.RuleSet.Tables;
        for (var i = 0; i < tables.Count; i++)
        {
            var text = FindText(document, i);
            if (text is not null) foreach (var line in text.Before) output.Current.Append(line).Append(eol);
            AppendTable(output, tables[i], document.RuleCounters, write, eol);
            if (text is not null) foreach (var line in text.After) output.Current.Append(line).Append(eol);
        }
        foreach (var line in document.Trailing) output.Current.Append(line).Append(eol);
        var result = output.ToString();
        return !document.EndsWithLineEnding && result.EndsWith(eol, StringComparison.Ordinal) ? result.Substring(0, result.Length - eol.Length) : result;
    }

    /// <summary>Renders every table of a rule set.</summary>
    public static string Render(RuleSet ruleSet, SaveRenderOptions? options = null)
    {
        if (ruleSet is null) throw new ArgumentNullException(nameof(ruleSet));
        var output = new PieceText(1 << 16);
        foreach (var table in ruleSet.Tables) AppendTable(output, table, options ?? SaveRenderOptions.Default);
        return output.ToString();
    }

    /// <summary>
    /// The text of <c>Render(KubeProxyCompiler.Compile(spec, compileOptions), options)</c>, byte for
    /// byte, without the whole model: when a large cluster's service ports are compiled in pieces
    /// on several threads, each piece's own nat chains (the service, endpoint and external chains)
    /// are rendered right after they are written, on the same thread, and dropped. Only the text
    /// and the shared chains are kept, so the collector never has to move a model of hundreds of
    /// thousands of rules. Invalid specs throw the compiler's <see cref="SpecValidationException"/>.
    /// </summary>
    public static string Render(ClusterSpec spec, CompileOptions? compileOptions, SaveRenderOptions? options = null)
    {
        if (spec is null) throw new ArgumentNullException(nameof(spec));
        compileOptions ??= CompileOptions.Default;
        options ??= SaveRenderOptions.Default;
        var streamed = new StreamedChains(options.RuleCounters, new RuleWriteOptions(options.OmitInvertedWildcardInterface, inlineCounters: false, lenient: false), options.LineEnding);
        RuleSet ruleSet;
        try
        {
            ruleSet = KubeProxyCompiler.CompileWithScope(spec, compileOptions, streamed).RuleSet;
        }
        catch (Exception e) when (e is not SpecValidationException)
        {
            // A streamed chain written again, or a rule that cannot be rendered: the whole model
            // gives the one-pass result (and the error a one-pass render reports first).
            return Render(KubeProxyCompiler.Compile(spec, compileOptions), options);
        }
        var output = new PieceText(1 << 16);
        foreach (var table in ruleSet.Tables) AppendTable(output, table, options, streamed.Of(table.Name));
        return output.ToString();
    }

    /// <summary>Renders one table section (with header and footer when the options have one).</summary>
    public static string RenderTable(Table table, SaveRenderOptions? options = null)
    {
        if (table is null) throw new ArgumentNullException(nameof(table));
        var output = new PieceText(1 << 12);
        AppendTable(output, table, options ?? SaveRenderOptions.Default);
        return output.ToString();
    }

    /// <summary>
    /// The <c>-A CHAIN …</c> line of a rule, without counters or line end, as iptables-save prints
    /// it. Never throws for a rule read from a listing: an extension without save text is shown
    /// as <c>&lt;match NAME: listing text&gt;</c>.
    /// </summary>
    public static string RenderRule(string chain, Rule rule)
    {
        if (chain is null) throw new ArgumentNullException(nameof(chain));
        if (rule is null) throw new ArgumentNullException(nameof(rule));
        var sb = new StringBuilder();
        RuleWriter.Append(sb, chain, rule, new RuleWriteOptions(omitInvertedWildcardInterface: false, inlineCounters: false, lenient: true));
        return sb.ToString();
    }

    private static void AppendTable(PieceText output, Table table, SaveRenderOptions options, IReadOnlyDictionary<string, StreamedChains.Segment>? streamed = null)
    {
        var eol = options.LineEnding;
        if (options.Header is { } header) output.Current.Append(header.GeneratedLine).Append(eol);
        AppendTable(output, table, options.RuleCounters, new RuleWriteOptions(options.OmitInvertedWildcardInterface, inlineCounters: false, lenient: false), eol, streamed);
        if (options.Header is { } footer) output.Current.Append(footer.CompletedLine).Append(eol);
    }

    private static void AppendTable(PieceText output, Table table, bool ruleCounters, RuleWriteOptions write, string eol, IReadOnlyDictionary<string, StreamedChains.Segment>? streamed = null)
    {
        var sb = output.Current;
        SaveLine.Check(table.Name);
        sb.Append('*').Append(table.Name).Append(eol);
        foreach (var chain in table.Chains)
        {
            SaveLine.Check(chain.Name);
            var counters = chain.Counters ?? Counters.Zero;
            sb.Append(':').Append(chain.Name).Append(' ').Append(chain.Policy is { } policy ? PolicyName(policy) : "-");
            sb.Append(" [").Append(RuleWriter.Value(counters.Packets)).Append(':').Append(RuleWriter.Value(counters.Bytes)).Append(']').Append(eol);
        }
        if (streamed is null) AppendRules(output, table.Chains, ruleCounters, write, eol);
        else AppendRules(output, table.Chains, streamed, ruleCounters, write, eol);
        output.Current.Append("COMMIT").Append(eol);
    }

    /// <summary>Rules per piece when a large table's rule lines are written on several threads.</summary>
    private const int RulesPerPiece = 8192;

    /// <summary>
    /// The rule lines of <paramref name="chains"/>, in chain order. A large table is written in
    /// pieces of consecutive chains on all cores, each into a builder of its own, appended in
    /// order afterwards (the same text as one pass; the first bad rule in order is the one reported).
    /// </summary>
    private static void AppendRules(PieceText output, ValueList<Chain> chains, bool ruleCounters, RuleWriteOptions write, string eol)
    {
        var pieces = new System.Collections.Generic.List<int> { 0 };
        var rules = 0;
        for (var i = 0; i < chains.Count; i++)
        {
            rules += chains[i].Rules.Count;
            if (rules >= RulesPerPiece && i + 1 < chains.Count)
            {
                pieces.Add(i + 1);
                rules = 0;
            }
        }
        pieces.Add(chains.Count);
        var count = pieces.Count - 1;
        if (count < 4 || Environment.ProcessorCount < 2)
        {
            AppendRules(output.Current, chains, 0, chains.Count, ruleCounters, write, eol);
            return;
        }
        var texts = new StringBuilder?[count];
        NatDsl.Threading.PieceWork.Run(count, null, piece =>
        {
            var text = new StringBuilder(EstimateLength(chains, pieces[piece], pieces[piece + 1]));
            AppendRules(text, chains, pieces[piece], pieces[piece + 1], ruleCounters, write, eol);
            texts[piece] = text;
        });
        output.Add(texts!);
    }

    /// <summary>The rule lines of <paramref name="chains"/>, in chain order: those of streamed chains as they were rendered, the others now.</summary>
    private static void AppendRules(PieceText output, ValueList<Chain> chains, IReadOnlyDictionary<string, StreamedChains.Segment> streamed, bool ruleCounters, RuleWriteOptions write, string eol)
    {
        for (var c = 0; c < chains.Count; c++)
        {
            if (streamed.TryGetValue(chains[c].Name, out var segment))
            {
                // The compiler leaves an empty placeholder where a streamed chain was.
                if (chains[c].Rules.Count != 0) throw new InvalidOperationException("streamed chain " + chains[c].Name + " has rules in the model");
                if (segment.Length > 0) output.Add(segment.Chars, segment.Start, segment.Length);
            }
            else
            {
                AppendRules(output.Current, chains, c, c + 1, ruleCounters, write, eol);
            }
        }
    }

    private static void AppendRules(StringBuilder sb, ValueList<Chain> chains, int first, int end, bool ruleCounters, RuleWriteOptions write, string eol)
    {
        var line = new StringBuilder();
        var chars = new char[256];
        for (var c = first; c < end; c++)
        {
            var chain = chains[c];
            foreach (var rule in chain.Rules)
            {
                if (ruleCounters) AppendCounters(sb, rule);
                line.Length = 0;
                RuleWriter.Append(line, chain.Name, rule, write);

                // Checked and copied as one array (a StringBuilder's indexer and builder-to-builder append are slow).
                var length = line.Length;
                if (chars.Length < length) chars = new char[Math.Max(length, chars.Length * 2)];
                line.CopyTo(0, chars, 0, length);
                SaveLine.Check(chars, length);
                sb.Append(chars, 0, length).Append(eol);
            }
        }
    }

    /// <summary>The rule lines of <paramref name="chain"/> into <paramref name="text"/> (<paramref name="line"/> is scratch space).</summary>
    internal static void AppendRules(CharText text, StringBuilder line, Chain chain, bool ruleCounters, RuleWriteOptions write, string eol)
    {
        foreach (var rule in chain.Rules)
        {
            line.Length = 0;
            if (ruleCounters) AppendCounters(line, rule);
            var start = line.Length;
            RuleWriter.Append(line, chain.Name, rule, write);
            var at = text.Length;
            text.Append(line);
            SaveLine.Check(text.Chars, at + start, line.Length - start);
            text.Append(eol);
        }
    }

    private static void AppendCounters(StringBuilder sb, Rule rule)
    {
        var counters = rule.Counters ?? Counters.Zero;
        sb.Append('[').Append(RuleWriter.Value(counters.Packets)).Append(':').Append(RuleWriter.Value(counters.Bytes)).Append("] ");
    }

    private static int EstimateLength(ValueList<Chain> chains, int first, int end)
    {
        long total = 0;
        for (var c = first; c < end; c++) total += (long)chains[c].Rules.Count * (64 + chains[c].Name.Length);
        return (int)Math.Min(total, 1L << 28);
    }

    internal static string PolicyName(ChainPolicy policy) => policy switch
    {
        ChainPolicy.Accept => "ACCEPT",
        ChainPolicy.Drop => "DROP",
        ChainPolicy.Queue => "QUEUE",
        _ => "RETURN",
    };

    private static SaveTableText? FindText(SaveDocument document, int index)
    {
        var name = document.RuleSet.Tables[index].Name;
        if (index < document.TableTexts.Count && document.TableTexts[index].Table == name) return document.TableTexts[index];
        foreach (var text in document.TableTexts)
        {
            if (text.Table == name) return text;
        }
        return null;
    }
}
