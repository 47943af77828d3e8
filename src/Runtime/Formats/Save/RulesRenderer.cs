using System;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Renders a table as <c>iptables -S</c> prints it: <c>-P CHAIN POLICY</c> for built-ins and
/// <c>-N CHAIN</c> for user chains in chain order, then the <c>-A</c> lines chain by chain; with
/// counters (<c>-v -S</c>) <c> -c P B</c> ends each <c>-P</c> line and precedes each rule's target.
/// </summary>
public static class RulesRenderer
{
    /// <summary>Renders a parsed document back to its text.</summary>
    public static string Render(RulesDocument document)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        var text = Render(document.Table, new RulesRenderOptions { Counters = document.Counters, LineEnding = document.LineEnding });
        if (!document.EndsWithLineEnding && text.EndsWith(document.LineEnding, StringComparison.Ordinal)) text = text.Substring(0, text.Length - document.LineEnding.Length);
        return text;
    }

    /// <summary>Renders a table.</summary>
    public static string Render(Table table, RulesRenderOptions? options = null)
    {
        if (table is null) throw new ArgumentNullException(nameof(table));
        options ??= RulesRenderOptions.Default;
        var eol = options.LineEnding;
        var sb = new StringBuilder();
        foreach (var chain in table.Chains)
        {
            SaveLine.Check(chain.Name);
            if (chain.Policy is { } policy)
            {
                sb.Append("-P ").Append(chain.Name).Append(' ').Append(SaveRenderer.PolicyName(policy));
                if (options.Counters)
                {
                    var counters = chain.Counters ?? Counters.Zero;
                    sb.Append(" -c ").Append(RuleWriter.Value(counters.Packets)).Append(' ').Append(RuleWriter.Value(counters.Bytes));
                }
            }
            else
            {
                sb.Append("-N ").Append(chain.Name);
            }
            sb.Append(eol);
        }
        var write = new RuleWriteOptions(options.OmitInvertedWildcardInterface, options.Counters, lenient: false);
        var line = new StringBuilder();
        foreach (var chain in table.Chains)
        {
            foreach (var rule in chain.Rules)
            {
                line.Length = 0;
                RuleWriter.Append(line, chain.Name, rule, write);
                SaveLine.Check(line);
                sb.Append(line).Append(eol);
            }
        }
        return sb.ToString();
    }
}
