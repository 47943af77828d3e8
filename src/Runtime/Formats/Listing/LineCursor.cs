namespace NatDsl.Formats.Listing;

/// <summary>
/// Walks the lines of a text as ranges of it, split as <c>text.Split('\n')</c> without the empty
/// piece after a final <c>\n</c>, and without one <c>\r</c> at the end of a line.
/// </summary>
internal sealed class LineCursor
{
    private readonly string _text;
    private int _next;

    /// <summary>A cursor before the first line of <paramref name="text"/>.</summary>
    public LineCursor(string text)
    {
        _text = text;
    }

    /// <summary>1-based number of the current line.</summary>
    public int Number { get; private set; }

    /// <summary>Index of the current line's first character.</summary>
    public int Start { get; private set; }

    /// <summary>Index after the current line's last character (a final <c>\r</c> excluded).</summary>
    public int End { get; private set; }

    /// <summary>Moves to the next line; false (and no current line) after the last.</summary>
    public bool MoveNext()
    {
        if (_next >= _text.Length) return false;
        var newline = _text.IndexOf('\n', _next);
        var end = newline < 0 ? _text.Length : newline;
        Start = _next;
        _next = newline < 0 ? _text.Length : newline + 1;
        if (end > Start && _text[end - 1] == '\r') end--;
        End = end;
        Number++;
        return true;
    }

    /// <summary>The current line as a string (for error messages).</summary>
    public string Text => _text.Substring(Start, End - Start);

    /// <summary>True when the current line is empty or only spaces.</summary>
    public bool IsBlank
    {
        get
        {
            for (var k = Start; k < End; k++)
            {
                if (_text[k] != ' ') return false;
            }
            return true;
        }
    }
}
