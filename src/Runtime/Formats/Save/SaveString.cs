using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>
/// <c>xtables_save_string</c>: a leading space, then the text bare when it is non-empty and made
/// only of <c>[A-Za-z0-9_-]</c>, else in double quotes with <c>\</c>, <c>"</c> and <c>'</c> escaped.
/// </summary>
internal static class SaveString
{
    public static void Append(StringBuilder sb, string value)
    {
        sb.Append(' ');
        if (IsBare(value))
        {
            sb.Append(value);
            return;
        }
        sb.Append('"');
        foreach (var c in value)
        {
            if (c == '"' || c == '\\' || c == '\'') sb.Append('\\');
            sb.Append(c);
        }
        sb.Append('"');
    }

    private static bool IsBare(string value)
    {
        if (value.Length == 0) return false;
        foreach (var c in value)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) return false;
        }
        return true;
    }
}
