using System;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The lines of a text as ranges of it, split as <c>text.Split('\n')</c> without the empty piece
/// after a final <c>\n</c>, and without one <c>\r</c> at the end of a line.
/// </summary>
internal sealed class LineRanges
{
    private readonly string _text;
    private int[] _starts = new int[1024];
    private int[] _ends = new int[1024];

    /// <summary>Finds the lines of <paramref name="text"/>.</summary>
    public LineRanges(string text)
    {
        _text = text;
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                if (start < text.Length) Add(start, text.Length);
                break;
            }
            Add(start, newline);
            start = newline + 1;
        }
    }

    /// <summary>The number of lines.</summary>
    public int Count { get; private set; }

    /// <summary>Index of the first character of line <paramref name="i"/> (0-based).</summary>
    public int Start(int i) => _starts[i];

    /// <summary>Index after the last character of line <paramref name="i"/> (a final <c>\r</c> excluded).</summary>
    public int End(int i) => _ends[i];

    /// <summary>The line as a string (for error messages).</summary>
    public string Text(int i) => _text.Substring(_starts[i], _ends[i] - _starts[i]);

    /// <summary>True when the line is empty or only spaces.</summary>
    public bool IsBlank(int i)
    {
        for (var k = _starts[i]; k < _ends[i]; k++)
        {
            if (_text[k] != ' ') return false;
        }
        return true;
    }

    private void Add(int start, int end)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }
        if (end > start && _text[end - 1] == '\r') end--;
        _starts[Count] = start;
        _ends[Count] = end;
        Count++;
    }
}
