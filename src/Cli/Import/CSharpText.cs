using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace NatDsl.Cli.Import;

/// <summary>C# literals and comments for the written DSL.</summary>
internal static class CSharpText
{
    /// <summary>A quoted, escaped string literal.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Quoted string literals separated by ", ".</summary>
    public static string Strings(IEnumerable<string> values)
    {
        var parts = new List<string>();
        foreach (var value in values) parts.Add(String(value));
        return string.Join(", ", parts);
    }

    /// <summary>An integer literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="text"/> as <c>//</c> comment lines of at most about <paramref name="width"/> characters.</summary>
    public static void Comment(StringBuilder output, string indent, string text, string firstPrefix = "", string nextPrefix = "", int width = 110)
    {
        var words = text.Split(' ');
        var line = new StringBuilder(indent + "// " + firstPrefix);
        var empty = true;
        foreach (var word in words)
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                output.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(indent).Append("// ").Append(nextPrefix);
                empty = true;
            }
            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }
        output.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
