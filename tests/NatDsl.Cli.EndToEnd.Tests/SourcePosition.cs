using System;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>The compiler's 1-based (line,column) of the first occurrence of a text in a source.</summary>
public static class SourcePosition
{
    public static string Of(string source, string text)
    {
        var index = source.IndexOf(text, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException("'" + text + "' is not in the source");
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (source[i] != '\n') continue;
            line++;
            lineStart = i + 1;
        }
        return "(" + line + "," + (index - lineStart + 1) + ")";
    }
}
