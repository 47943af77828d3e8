using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>The fixed columns of one rule line, read before its extension text is interpreted.</summary>
internal sealed class RuleLineFields
{
    public RuleLineFields(int lineNumber, string lineText)
    {
        LineNumber = lineNumber;
        LineText = lineText;
    }

    /// <summary>1-based line number in the input.</summary>
    public int LineNumber { get; }

    /// <summary>The line as read.</summary>
    public string LineText { get; }

    /// <summary>The rule's counters (with <c>-v</c>).</summary>
    public Counters? Counters { get; set; }

    /// <summary>The target column; empty for a rule without target.</summary>
    public string TargetName { get; set; } = string.Empty;

    /// <summary>The protocol (null for all).</summary>
    public Negatable<int>? Protocol { get; set; }

    /// <summary>Which text variants print this line's <c>prot</c> and <c>opt</c> columns as they are.</summary>
    public FormSet Evidence { get; set; } = FormSet.All;

    /// <summary>The fragment option (null for <c>--</c>).</summary>
    public Negatable<bool>? Fragment { get; set; }

    /// <summary>The input interface (with <c>-v</c>; null for <c>*</c>).</summary>
    public Negatable<string>? InInterface { get; set; }

    /// <summary>The output interface (with <c>-v</c>; null for <c>*</c>).</summary>
    public Negatable<string>? OutInterface { get; set; }

    /// <summary>The source (null for a positive <c>0.0.0.0/0</c>).</summary>
    public Negatable<IpNetwork>? Source { get; set; }

    /// <summary>The destination (null for a positive <c>0.0.0.0/0</c>).</summary>
    public Negatable<IpNetwork>? Destination { get; set; }

    /// <summary>The family of the source and destination.</summary>
    public IpFamily Family { get; set; }

    /// <summary>1-based column of the source field (for family errors).</summary>
    public int SourceColumn { get; set; }

    /// <summary>True for an ip6tables ≤ 1.8.8 line whose <c>opt</c> column is blank.</summary>
    public bool BlankOption { get; set; }

    /// <summary>1-based column of the <c>opt</c> field.</summary>
    public int OptionColumn { get; set; }

    /// <summary>True when the line shows <c>[goto]</c>.</summary>
    public bool Goto { get; set; }

    /// <summary>The text after the destination (and <c>[goto] </c>): empty or starting with a space, right-trimmed.</summary>
    public string Extras { get; set; } = string.Empty;
}
