using System.Collections.Generic;

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
    private static char[]? _buffer;

    /// <summary>Appends the arguments of <paramref name="line"/> from index <paramref name="start"/> to <paramref name="into"/>.</summary>
    public static void Tokenize(InputLine line, int start, List<RuleToken> into, TokenPool pool)
    {
        var text = line.Buffer;
        var offset = line.Start;
        var n = line.Length;
        var i = start;
        while (i < n)
        {
            var c = text[offset + i];
            if (c == ' ' || c == '\t' || c == '\n')
            {
                i++;
                continue;
            }

            // Fast path: an argument without quotes is a range of the line (a shared string once asked for).
            var tokenStart = i;
            while (i < n)
            {
                c = text[offset + i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '"') break;
                i++;
            }
            if (i >= n || text[offset + i] != '"')
            {
                into.Add(new RuleToken(text, offset + tokenStart, tokenStart, i, pool));
                continue;
            }

            // Slow path: the argument has a quoted part.
            var buffer = _buffer ??= new char[256];
            var length = 0;
            for (var k = tokenStart; k < i; k++) Put(ref buffer, ref length, text[offset + k]);
            var quoteStart = i;
            i++; // opening quote
            var closed = false;
            while (i < n)
            {
                c = text[offset + i];
                if (c == '\\')
                {
                    if (i + 1 >= n) break;
                    Put(ref buffer, ref length, text[offset + i + 1]);
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    closed = true;
                    i++;
                    break;
                }
                Put(ref buffer, ref length, c);
                i++;
            }
            _buffer = buffer;
            if (!closed) throw line.Error(quoteStart, "unterminated double quote");
            into.Add(new RuleToken(pool.Intern(buffer, length), tokenStart, i, quoted: true));
        }
    }

    private static void Put(ref char[] buffer, ref int length, char c)
    {
        if (length == buffer.Length) System.Array.Resize(ref buffer, buffer.Length * 2);
        buffer[length++] = c;
    }
}
