namespace NatDsl.Formats.Save;

/// <summary>
/// One argument of a rule line after <c>iptables-restore</c>'s quoting rules were applied: the
/// resulting text, and where its raw form (quotes included) lies in the line.
/// </summary>
internal readonly struct RuleToken
{
    public RuleToken(string text, int start, int end, bool quoted)
    {
        Text = text;
        Start = start;
        End = end;
        Quoted = quoted;
    }

    /// <summary>The argument as the command sees it (quotes and escapes removed).</summary>
    public string Text { get; }

    /// <summary>0-based index of the first raw character (an opening quote included).</summary>
    public int Start { get; }

    /// <summary>0-based index just after the last raw character.</summary>
    public int End { get; }

    /// <summary>True when any part of the argument was inside double quotes (it is then never an option).</summary>
    public bool Quoted { get; }

    public override string ToString() => Text;
}
