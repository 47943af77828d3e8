using System.Collections.Generic;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// The character span of every JSON object in a text that is known to be valid JSON, in the
/// order their opening braces appear (which is the pre-order of the parsed tree).
/// </summary>
internal static class JsonObjectSpans
{
    /// <summary>Start index (the <c>{</c>) and end index (just after the <c>}</c>) of each object.</summary>
    public static List<(int Start, int End)> Find(string text)
    {
        var spans = new List<(int Start, int End)>();
        var open = new Stack<int>();
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    open.Push(spans.Count);
                    spans.Add((i, -1));
                    break;
                case '}':
                    if (open.Count > 0)
                    {
                        var at = open.Pop();
                        spans[at] = (spans[at].Start, i + 1);
                    }
                    break;
            }
        }
        return spans;
    }
}
