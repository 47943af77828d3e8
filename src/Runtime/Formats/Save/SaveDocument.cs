using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A parsed <c>iptables-save</c> file: the rule set, plus what is needed to render the same bytes
/// back (see <c>SaveRenderer</c>): the comment lines around each
/// table, whether rules carried <c>[packets:bytes]</c> prefixes (<c>-c</c>), the line ending.
/// Comment lines inside a table section are accepted but not kept.
/// </summary>
public sealed record SaveDocument
{
    /// <summary>Creates a document.</summary>
    public SaveDocument(RuleSet ruleSet, ValueList<SaveTableText>? tableTexts = null)
    {
        RuleSet = ruleSet;
        TableTexts = tableTexts ?? ValueList<SaveTableText>.Empty;
    }

    /// <summary>The tables, chains and rules.</summary>
    public RuleSet RuleSet { get; init; }

    /// <summary>One entry per table of <see cref="RuleSet"/>, in the same order.</summary>
    public ValueList<SaveTableText> TableTexts { get; init; }

    /// <summary>Lines after the last table's footer (or all comment lines of a file without tables).</summary>
    public ValueList<string> Trailing { get; init; } = ValueList<string>.Empty;

    /// <summary>True when rule lines carried <c>[packets:bytes]</c> prefixes (<c>iptables-save -c</c>).</summary>
    public bool RuleCounters { get; init; }

    /// <summary>The line ending of the input: <c>"\n"</c> or <c>"\r\n"</c>.</summary>
    public string LineEnding { get; init; } = "\n";

    /// <summary>False when the last line of the input had no line ending.</summary>
    public bool EndsWithLineEnding { get; init; } = true;

    /// <summary>The <c># Warning:</c> lines (as iptables-nft prints about legacy tables), wherever they were.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var list = new List<string>();
            foreach (var text in TableTexts)
            {
                foreach (var l in text.Before) if (IsWarning(l)) list.Add(l);
                foreach (var l in text.After) if (IsWarning(l)) list.Add(l);
            }
            foreach (var l in Trailing) if (IsWarning(l)) list.Add(l);
            return list;
        }
    }

    private static bool IsWarning(string line) => line.StartsWith("# Warning:", StringComparison.Ordinal);
}
