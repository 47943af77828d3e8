using System.Collections.Generic;
using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>The verbatim option text of an extension the model does not know.</summary>
internal static class RawOptionText
{
    /// <summary>
    /// Collects the verbatim option text of an unknown extension: arguments up to the next generic
    /// option (or <c>!</c> before one), and — for a <c>-j</c> name that may be a chain — up to an
    /// option of an extension already loaded.
    /// </summary>
    public static string Scan(RuleParseContext context, List<ExtensionParser> extensions, bool stopAtKnownOptions)
    {
        var tokens = context.Tokens;
        var first = context.Position;
        var end = first;
        while (end < tokens.Count)
        {
            var t = tokens[end];
            if (GenericOptions.IsGeneric(t)) break;
            if (t.Text == "!" && end + 1 < tokens.Count && GenericOptions.IsGeneric(tokens[end + 1])) break;
            if (stopAtKnownOptions && IsKnownExtensionOption(t, tokens, end, extensions)) break;
            end++;
        }
        context.Position = end;
        if (end == first) return string.Empty;
        var sb = new StringBuilder();
        var lineText = context.Line.Text;
        for (var i = first; i < end; i++)
        {
            sb.Append(' ');
            sb.Append(lineText, tokens[i].Start, tokens[i].End - tokens[i].Start);
        }
        return sb.ToString();
    }

    private static bool IsKnownExtensionOption(RuleToken t, List<RuleToken> tokens, int index, List<ExtensionParser> extensions)
    {
        if (t.Text == "!" && index + 1 < tokens.Count) t = tokens[index + 1];
        if (!t.Text.StartsWith("--", System.StringComparison.Ordinal)) return false;
        var eq = t.Text.IndexOf('=');
        var name = eq < 0 ? t.Text.Substring(2) : t.Text.Substring(2, eq - 2);
        foreach (var extension in extensions)
        {
            if (extension.FindOption(name) >= 0) return true;
        }
        return false;
    }
}
