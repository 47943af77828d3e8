using System;
using System.Collections.Generic;

namespace NatDsl.Formats;

/// <summary>Line handling shared by <see cref="DumpReader"/> and its lenient extraction.</summary>
internal static class DumpText
{
    /// <summary>The lines of <paramref name="text"/>, split at <c>\n</c>, each keeping a <c>\r</c> before it; no empty last line for a final line end.</summary>
    public static List<string> Split(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        if (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>The line without a trailing <c>\r</c>.</summary>
    public static string WithoutCr(string line) =>
        line.EndsWith("\r", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line;
}
