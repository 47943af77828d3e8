using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Writes a table as <c>iptables -L -n</c> prints it, byte for byte, in any <see cref="ListingForm"/>.
/// </summary>
/// <remarks>
/// Chains are written in listing order whatever the model's order: built-in chains in hook order
/// (PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING), then user chains sorted by ordinal
/// (<c>strcmp</c>) order. <c>(N references)</c> is counted from the model as <see cref="Table.ReferenceCount"/> counts it.
/// Missing counters print as 0. An interface that is null prints <c>*</c>; a source or destination
/// that is null prints <c>0.0.0.0/0</c> (<c>::/0</c>).
/// </remarks>
public static class ListingRenderer
{
    /// <summary>Writes a parsed (or built) listing document in its form.</summary>
    public static string Render(ListingDocument document)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        return Render(document.Table, document.Form);
    }

    /// <summary>Writes the table <paramref name="tableName"/> of a rule set.</summary>
    public static string Render(RuleSet ruleSet, string tableName, ListingForm form)
    {
        if (ruleSet is null) throw new ArgumentNullException(nameof(ruleSet));
        var table = ruleSet.FindTable(tableName) ?? throw new ArgumentException("the rule set has no table \"" + tableName + "\"", nameof(tableName));
        return Render(table, form with { Family = ruleSet.Family });
    }

    /// <summary>Writes one table in a form.</summary>
    public static string Render(Table table, ListingForm form)
    {
        if (table is null) throw new ArgumentNullException(nameof(table));
        if (form is null) throw new ArgumentNullException(nameof(form));
        var sb = new StringBuilder();
        var first = true;
        var references = References(table);
        foreach (var chain in BuiltinChains.ListingOrder(table.Chains))
        {
            if (!first) sb.Append('\n');
            first = false;
            WriteChain(sb, references, chain, form);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The reference count of every chain, in one pass: the same count as
    /// <see cref="Table.ReferenceCount"/> (rules whose target is a jump or goto to the chain).
    /// </summary>
    private static Dictionary<string, int> References(Table table)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in table.Chains)
        {
            foreach (var rule in chain.Rules)
            {
                if (rule.Target is JumpTarget jump) counts[jump.Chain] = (counts.TryGetValue(jump.Chain, out var n) ? n : 0) + 1;
            }
        }
        return counts;
    }

    private static void WriteChain(StringBuilder sb, Dictionary<string, int> references, Chain chain, ListingForm form)
    {
        sb.Append("Chain ").Append(chain.Name);
        if (chain.Policy is { } policy)
        {
            sb.Append(" (policy ").Append(PolicyName(policy));
            if (form.Verbose)
            {
                var counters = chain.Counters ?? Counters.Zero;
                sb.Append(' ').Append(ListingCounters.Header(counters.Packets, form.Exact)).Append(" packets, ")
                  .Append(ListingCounters.Header(counters.Bytes, form.Exact)).Append(" bytes");
            }
            sb.Append(")\n");
        }
        else
        {
            var count = references.TryGetValue(chain.Name, out var n) ? n : 0;
            sb.Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).Append(" references)\n");
        }
        sb.Append(ColumnHeader.For(form.LineNumbers, form.Verbose, form.ExactCounters)).Append('\n');
        var number = 1;
        foreach (var rule in chain.Rules)
        {
            WriteRule(sb, rule, number++, form);
            sb.Append('\n');
        }
    }

    private static void WriteRule(StringBuilder sb, Rule rule, int number, ListingForm form)
    {
        if (form.LineNumbers) sb.Append(number.ToString(CultureInfo.InvariantCulture).PadRight(4)).Append(' ');
        if (form.Verbose)
        {
            var counters = rule.Counters ?? Counters.Zero;
            sb.Append(ListingCounters.Column(counters.Packets, form.ExactCounters)).Append(ListingCounters.Column(counters.Bytes, form.ExactCounters));
        }
        var goesTo = rule.Target is JumpTarget { Goto: true };
        sb.Append((rule.Target?.Name ?? string.Empty).PadRight(9)).Append(' ');

        sb.Append(rule.Protocol is { Inverted: true } ? '!' : ' ');
        var protocol = ProtocolColumn.Token(rule.Protocol?.Value ?? 0, form);
        if (form.SeparatedProtocolField) sb.Append(protocol.PadRight(4)).Append(' ');
        else sb.Append(protocol.PadRight(5));
        sb.Append(Option(rule, form)).Append(' ');

        if (form.Verbose)
        {
            sb.Append(' ').Append(Interface(rule.InInterface).PadRight(6)).Append(' ');
            sb.Append(Interface(rule.OutInterface).PadRight(6)).Append(' ');
        }
        Address(sb, rule.Source, form.Family);
        Address(sb, rule.Destination, form.Family);
        if (goesTo) sb.Append("[goto] ");
        foreach (var match in rule.Matches) sb.Append(' ').Append(MatchTextWriter.Write(match));
        var targetText = TargetTextWriter.Write(rule.Target, form.Family);
        if (targetText.Length > 0) sb.Append(' ').Append(targetText);
    }

    private static string Option(Rule rule, ListingForm form)
    {
        if (form.Family == IpFamily.V6) return form.SeparatedProtocolField ? "--" : "  ";
        if (rule.Fragment is { Value: true } fragment) return fragment.Inverted ? "!f" : "-f";
        return "--";
    }

    private static string Interface(Negatable<string>? name) =>
        name is null ? "*" : (name.Inverted ? "!" : string.Empty) + name.Value;

    private static void Address(StringBuilder sb, Negatable<IpNetwork>? address, IpFamily family)
    {
        sb.Append(address is { Inverted: true } ? '!' : ' ');
        var network = address?.Value ?? IpNetwork.Any(family);
        sb.Append(AddressText.Format(network).PadRight(19)).Append(' ');
    }

    private static string PolicyName(ChainPolicy policy) => policy switch
    {
        ChainPolicy.Accept => "ACCEPT",
        ChainPolicy.Drop => "DROP",
        ChainPolicy.Queue => "QUEUE",
        _ => "RETURN",
    };
}
