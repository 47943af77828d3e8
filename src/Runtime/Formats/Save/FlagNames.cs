using System;

namespace NatDsl.Formats.Save;

/// <summary>
/// Comma-separated name lists of bit flags (addrtype types, ctstate, ctstatus) read the way the
/// extensions do: each item is a case-insensitive prefix of a name, the first name in table order wins.
/// </summary>
internal static class FlagNames
{
    /// <summary>Parses a list; an empty item or unknown name is an error naming <paramref name="what"/>.</summary>
    public static int ParseList(RuleToken token, InputLine line, string[] names, int[] bits, string what)
    {
        var text = token.Text;
        var result = 0;
        var start = 0;
        while (true)
        {
            var comma = text.IndexOf(',', start);
            var end = comma < 0 ? text.Length : comma;
            var length = end - start;
            var found = -1;
            if (length > 0)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    if (length <= names[i].Length && string.Compare(text, start, names[i], 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        found = i;
                        break;
                    }
                }
            }
            if (found < 0)
            {
                throw line.Error(token.Start + start, "bad " + what + " \"" + text.Substring(start, length) + "\" (one of " + string.Join(", ", names) + ")");
            }
            result |= bits[found];
            if (comma < 0) return result;
            start = comma + 1;
        }
    }
}
