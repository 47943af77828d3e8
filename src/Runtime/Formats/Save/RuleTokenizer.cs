using System.Collections.Generic;
using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>
/// Splits a rule line into arguments exactly as <c>iptables-restore</c>'s <c>add_param_to_argv</c>
/// does: spaces, tabs separate arguments; a double quote opens a quoted part anywhere in an
/// argument; inside quotes a backslash makes the next character literal; a closing quote ends the
/// argument (so <c>""</c> is an empty argument and <c>"a"b</c> is two). Outside quotes a
/// backslash is an ordinary character. Unlike iptables, an unterminated quote is an error.
/// </summary>
internal static class RuleTokenizer
{
    [System.ThreadStatic]
    private static StringBuilder? _buffer;

    /// <summary>Appends the arguments of <paramref name="line"/> from index <paramref name="start"/> to <paramref name="into"/>.</summary>
    public static void Tokenize(InputLine line, int start, List<RuleToken> into)
    {
        var text = line.Text;
        var n = text.Length;
        var i = start;
        while (i < n)
        {
            var c = text[i];
            if (c == ' ' || c == '\t' || c == '\n')
            {
                i++;
                continue;
            }

            // Fast path: an argument without quotes is a plain substring.
            var tokenStart = i;
            while (i < n)
            {
                c = text[i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '"') break;
                i++;
            }
            if (i >= n || text[i] != '"')
            {
                into.Add(new RuleToken(text.Substring(tokenStart, i - tokenStart), tokenStart, i, quoted: false));
                continue;
            }

            // Slow path: the argument has a quoted part.
            var sb = _buffer ??= new StringBuilder();
            sb.Clear();
            sb.Append(text, tokenStart, i - tokenStart);
            var quoteStart = i;
            i++; // opening quote
            var closed = false;
            while (i < n)
            {
                c = text[i];
                if (c == '\\')
                {
                    if (i + 1 >= n) break;
                    sb.Append(text[i + 1]);
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    closed = true;
                    i++;
                    break;
                }
                sb.Append(c);
                i++;
            }
            if (!closed) throw line.Error(quoteStart, "unterminated double quote");
            into.Add(new RuleToken(sb.ToString(), tokenStart, i, quoted: true));
        }
    }
}
