namespace NatDsl.Formats.Save;

/// <summary>One line of input being parsed: where it comes from and its text, for located errors.</summary>
internal sealed class InputLine
{
    public InputLine(string source, int number, string text)
    {
        Source = source;
        Number = number;
        Text = text;
    }

    /// <summary>The file name or pseudo-name.</summary>
    public string Source { get; }

    /// <summary>1-based line number.</summary>
    public int Number { get; }

    /// <summary>The line without its line end.</summary>
    public string Text { get; }

    /// <summary>An exception for a problem at a 0-based character index of this line.</summary>
    public DumpParseException Error(int index, string problem) =>
        new DumpParseException(Source, Number, index + 1, Text, problem);

    /// <summary>An exception for a problem at a token.</summary>
    public DumpParseException Error(RuleToken token, string problem) => Error(token.Start, problem);
}
