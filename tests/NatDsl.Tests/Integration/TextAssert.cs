using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>Exact text comparison whose failure message shows the differing lines with their spaces visible.</summary>
public static class TextAssert
{
    /// <summary>Asserts <paramref name="actual"/> equals <paramref name="expected"/> byte for byte.</summary>
    public static void AreEqual(string expected, string actual, string what)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal)) return;
        Assert.Fail(what + " differs (expected = our rendering, actual = real iptables):\n" + Describe(expected, actual));
    }

    /// <summary>
    /// Asserts <paramref name="actual"/> equals <paramref name="expected"/>, where each
    /// <see cref="UnknownExtensionText.Wildcard"/> in <paramref name="expected"/> matches any text within its line.
    /// </summary>
    public static void Matches(string expected, string actual, string what)
    {
        if (IsMatch(expected, actual)) return;
        Assert.Fail(what + " differs (expected = our rendering with \\u0002 for untyped extension text, actual = real iptables):\n" + Describe(expected, actual));
    }

    /// <summary>True when <paramref name="actual"/> is <paramref name="expected"/> with each wildcard standing for any text within its line.</summary>
    public static bool IsMatch(string expected, string actual)
    {
        if (expected.IndexOf(UnknownExtensionText.Wildcard) < 0) return string.Equals(expected, actual, StringComparison.Ordinal);
        var parts = expected.Split(UnknownExtensionText.Wildcard);
        return Regex.IsMatch(actual, @"\A" + string.Join(".*", Array.ConvertAll(parts, Regex.Escape)) + @"\z", RegexOptions.CultureInvariant);
    }

    /// <summary>The first differing lines, with trailing spaces shown as ␠.</summary>
    public static string Describe(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var sb = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < 8; i++)
        {
            var x = i < e.Length ? e[i] : null;
            var y = i < a.Length ? a[i] : null;
            if (string.Equals(x, y, StringComparison.Ordinal) || x is not null && y is not null && IsMatch(x, y)) continue;
            shown++;
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            sb.Append("  line ").Append(n).Append(" expected: ").Append(Visible(x)).Append('\n');
            sb.Append("  line ").Append(n).Append(" actual:   ").Append(Visible(y)).Append('\n');
        }
        sb.Append("  (").Append(e.Length.ToString(CultureInfo.InvariantCulture)).Append(" expected lines, ").Append(a.Length.ToString(CultureInfo.InvariantCulture)).Append(" actual)");
        return sb.ToString();
    }

    private static string Visible(string? line)
    {
        if (line is null) return "<none>";
        var trimmed = line.TrimEnd(' ');
        return "«" + trimmed.Replace(UnknownExtensionText.Wildcard, '…') + new string('␠', line.Length - trimmed.Length) + "»";
    }
}
