using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>The fixed columns of one rule line, read before its extension text is interpreted.</summary>
internal sealed class RuleLineFields
{
    /// <summary>Clears every field for the line <c>[start..end)</c> of the text.</summary>
    public void Reset(int lineNumber, int start, int end)
    {
        LineNumber = lineNumber;
        LineStart = start;
        LineEnd = end;
        Counters = null;
        TargetName = string.Empty;
        Protocol = null;
        Evidence = FormSet.All;
        Fragment = null;
        InInterface = null;
        OutInterface = null;
        Source = null;
        Destination = null;
        Family = default;
        SourceColumn = 0;
        BlankOption = false;
        OptionColumn = 0;
        Goto = false;
        ExtrasStart = start;
        ExtrasEnd = start;
    }

    /// <summary>1-based line number in the input.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Index of the line's first character in the text.</summary>
    public int LineStart { get; private set; }

    /// <summary>Index after the line's last character (before the line end) in the text.</summary>
    public int LineEnd { get; private set; }

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

    /// <summary>
    /// Start of the text after the destination (and <c>[goto] </c>) in the listing's text:
    /// empty or starting with a space, right-trimmed, up to <see cref="ExtrasEnd"/>.
    /// </summary>
    public int ExtrasStart { get; set; }

    /// <summary>End (exclusive) of the extension text.</summary>
    public int ExtrasEnd { get; set; }
}
