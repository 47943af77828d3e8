namespace NatDsl.Formats.Save;

/// <summary>
/// One line of input: where it came from and its text. The text is a range of the whole
/// input; the line's own string is made only when something asks for <see cref="Text"/>
/// (errors, rare line kinds), not for every rule line of a large dump.
/// </summary>
internal sealed class InputLine
{
    private string? _text;

    public InputLine(string source, int number, string text)
        : this(source, number, text, 0, text.Length)
    {
        _text = text;
    }

    public InputLine(string source, int number, string buffer, int start, int length)
    {
        Source = source;
        Number = number;
        Buffer = buffer;
        Start = start;
        Length = length;
    }

    public string Source { get; }

    public int Number { get; private set; }

    /// <summary>The string holding the line (the whole input, or the line itself).</summary>
    public string Buffer { get; private set; }

    /// <summary>Where the line starts in <see cref="Buffer"/>.</summary>
    public int Start { get; private set; }

    /// <summary>The line's length without its line ending.</summary>
    public int Length { get; private set; }

    /// <summary>
    /// Makes this instance the next line (a reader reuses one instance instead of one object per
    /// line of a large dump); whoever keeps a line past its turn keeps a <see cref="Copy"/>.
    /// </summary>
    public void MoveTo(int number, string buffer, int start, int length)
    {
        Number = number;
        Buffer = buffer;
        Start = start;
        Length = length;
        _text = null;
    }

    /// <summary>An instance of its own for the same line.</summary>
    public InputLine Copy() => new InputLine(Source, Number, Buffer, Start, Length) { _text = _text };

    /// <summary>The character at <paramref name="index"/> of the line.</summary>
    public char this[int index] => Buffer[Start + index];

    public string Text => _text ??= Start == 0 && Length == Buffer.Length ? Buffer : Buffer.Substring(Start, Length);

    /// <summary>Whether the line is exactly <paramref name="value"/>.</summary>
    public bool Is(string value) => Length == value.Length && string.CompareOrdinal(Buffer, Start, value, 0, Length) == 0;

    public DumpParseException Error(int index, string problem) =>
        new DumpParseException(Source, Number, index + 1, Text, problem);

    public DumpParseException Error(RuleToken token, string problem) => Error(token.Start, problem);
}
