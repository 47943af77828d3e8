using System;
using System.Collections.Generic;
using NatDsl.Formats;

namespace NatDsl.Cli.Kubernetes;

/// <summary>The text of one input with its name, and what is needed to point into it: line texts and locations.</summary>
internal sealed class SourceText
{
    private List<int>? _lineStarts;

    public SourceText(string text, string name)
    {
        Text = text;
        Name = name;
    }

    public string Text { get; }

    public string Name { get; }

    /// <summary>The 1-based line <paramref name="line"/> without its line end; empty past the end.</summary>
    public string LineText(int line)
    {
        var starts = LineStarts();
        if (line < 1 || line > starts.Count) return string.Empty;
        var start = starts[line - 1];
        var end = line < starts.Count ? starts[line] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r') end--;
        return end > start ? Text.Substring(start, end - start) : string.Empty;
    }

    /// <summary>The location of the character at <paramref name="index"/>.</summary>
    public SourceLocation LocationOf(int index)
    {
        var starts = LineStarts();
        var line = starts.BinarySearch(index);
        if (line < 0) line = ~line - 1;
        return new SourceLocation(Name, line + 1, index - starts[line] + 1);
    }

    /// <summary>The index of the first character of the 1-based <paramref name="line"/>.</summary>
    public int LineStart(int line)
    {
        var starts = LineStarts();
        return starts[Math.Max(0, Math.Min(line, starts.Count) - 1)];
    }

    /// <summary>A parse error at a 1-based line and column, quoting that line.</summary>
    public DumpParseException Error(int line, int column, string problem)
    {
        var lines = LineStarts().Count;
        if (line < 1) line = 1;
        if (line > lines) line = lines;
        if (column < 1) column = 1;
        return new DumpParseException(Name, line, column, LineText(line), problem);
    }

    /// <summary>A parse error at a location in this text.</summary>
    public DumpParseException Error(SourceLocation at, string problem) => Error(at.Line, at.Column, problem);

    private List<int> LineStarts()
    {
        if (_lineStarts is not null) return _lineStarts;
        var starts = new List<int> { 0 };
        for (var i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\n') starts.Add(i + 1);
        }
        _lineStarts = starts;
        return starts;
    }
}
