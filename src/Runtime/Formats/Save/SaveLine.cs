using System;
using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>
/// Keeps every value on its own restore line: a model value holding a line break (possible only
/// in a model built by hand: the DSL validates names and the parsers read line by line) would
/// otherwise end the line and let the rest be read as another rule, chain or table.
/// </summary>
internal static class SaveLine
{
    /// <summary>Throws when <paramref name="line"/> contains <c>\n</c> or <c>\r</c>.</summary>
    public static void Check(StringBuilder line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\n' || c == '\r') throw Broken(line.ToString());
        }
    }

    /// <summary>Throws when the first <paramref name="length"/> characters of <paramref name="chars"/> contain <c>\n</c> or <c>\r</c>.</summary>
    public static void Check(char[] chars, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var c = chars[i];
            if (c == '\n' || c == '\r') throw Broken(new string(chars, 0, length));
        }
    }

    /// <summary>Throws when <paramref name="length"/> characters of <paramref name="chars"/> from <paramref name="start"/> contain <c>\n</c> or <c>\r</c>.</summary>
    public static void Check(char[] chars, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            var c = chars[i];
            if (c == '\n' || c == '\r') throw Broken(new string(chars, start, length));
        }
    }

    /// <summary>Throws when <paramref name="text"/> contains <c>\n</c> or <c>\r</c>.</summary>
    public static void Check(string text)
    {
        if (text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0) throw Broken(text);
    }

    private static InvalidOperationException Broken(string text)
    {
        var shown = text.Replace("\r", "\\r").Replace("\n", "\\n");
        if (shown.Length > 200) shown = shown.Substring(0, 200) + "…";
        return new InvalidOperationException("cannot render \"" + shown + "\" in iptables-save form: the model holds a line break, which would start another restore line");
    }
}
