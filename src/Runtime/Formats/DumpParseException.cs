using System;

namespace NatDsl.Formats;

/// <summary>
/// Thrown by every parser for input it cannot read. The message names the source, line and
/// column and quotes the offending line: <c>node1.txt:12:18: unknown option "--dprot" in: -A …</c>.
/// </summary>
public sealed class DumpParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name, or <c>&lt;stdin&gt;</c>/<c>&lt;text&gt;</c>.</param>
    /// <param name="line">1-based line number.</param>
    /// <param name="column">1-based column number.</param>
    /// <param name="lineText">The whole offending line (without its line end).</param>
    /// <param name="problem">What is wrong, without location.</param>
    public DumpParseException(string source, int line, int column, string lineText, string problem)
        : base(Format(source, line, column, lineText, problem))
    {
        Source = source;
        Line = line;
        Column = column;
        LineText = lineText;
        Problem = problem;
    }

    /// <summary>The file name or pseudo-name of the input.</summary>
    public new string Source { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>The offending line.</summary>
    public string LineText { get; }

    /// <summary>The problem, without location.</summary>
    public string Problem { get; }

    private static string Format(string source, int line, int column, string lineText, string problem)
    {
        var shown = lineText.Length > 200 ? lineText.Substring(0, 200) + "…" : lineText;
        shown = shown.Replace("\t", "\\t").Replace("\0", "\\0");
        return source + ":" + line + ":" + column + ": " + problem + Environment.NewLine + "  " + shown;
    }
}
