using System.Text;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The column-header line under each chain header (iptables-formats.md §2.3), with its trailing
/// spaces: <c>[num  ][ pkts bytes |    pkts      bytes ]target     prot opt [in     out    ] source … destination         </c>.
/// </summary>
internal static class ColumnHeader
{
    /// <summary>The header line of a form (without line end).</summary>
    public static string For(bool lineNumbers, bool verbose, bool exact)
    {
        var sb = new StringBuilder();
        if (lineNumbers) sb.Append("num".PadRight(4)).Append(' ');
        if (verbose)
        {
            if (exact) sb.Append("pkts".PadLeft(8)).Append(' ').Append("bytes".PadLeft(10)).Append(' ');
            else sb.Append("pkts".PadLeft(5)).Append(' ').Append("bytes".PadLeft(5)).Append(' ');
        }
        sb.Append("target".PadRight(9)).Append(' ');
        sb.Append(" prot ");
        sb.Append("opt");
        if (verbose) sb.Append(' ').Append("in".PadRight(6)).Append(' ').Append("out".PadRight(6)).Append(' ');
        sb.Append(' ').Append("source".PadRight(19)).Append(' ');
        sb.Append(' ').Append("destination".PadRight(19)).Append(' ');
        return sb.ToString();
    }

    /// <summary>The six forms' header lines without trailing spaces.</summary>
    private static readonly (string Trimmed, (bool LineNumbers, bool Verbose, bool Exact) Form)[] Forms = AllForms();

    private static (string, (bool, bool, bool))[] AllForms()
    {
        var forms = new System.Collections.Generic.List<(string, (bool, bool, bool))>();
        foreach (var lineNumbers in new[] { false, true })
        {
            foreach (var (verbose, exact) in new[] { (false, false), (true, false), (true, true) })
            {
                forms.Add((For(lineNumbers, verbose, exact).TrimEnd(' '), (lineNumbers, verbose, exact)));
            }
        }
        return forms.ToArray();
    }

    /// <summary>The form of the header line <c>text[start..end)</c> (trailing spaces optional), or null when it is none of the six.</summary>
    public static (bool LineNumbers, bool Verbose, bool Exact)? Recognise(string text, int start, int end)
    {
        while (end > start && text[end - 1] == ' ') end--;
        foreach (var (trimmed, form) in Forms)
        {
            if (trimmed.Length == end - start && string.CompareOrdinal(trimmed, 0, text, start, trimmed.Length) == 0) return form;
        }
        return null;
    }

    /// <summary>The form of a header line (trailing spaces optional), or null when it is none of the six.</summary>
    public static (bool LineNumbers, bool Verbose, bool Exact)? Recognise(string line)
    {
        var trimmed = line.TrimEnd(' ');
        foreach (var lineNumbers in new[] { false, true })
        {
            foreach (var (verbose, exact) in new[] { (false, false), (true, false), (true, true) })
            {
                if (For(lineNumbers, verbose, exact).TrimEnd(' ') == trimmed) return (lineNumbers, verbose, exact);
            }
        }
        return null;
    }
}
