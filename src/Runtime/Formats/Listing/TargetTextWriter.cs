using System.Globalization;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The text a target prints after the matches in a numeric listing (without the leading space);
/// empty for verdicts, jumps, gotos and targets that print nothing.
/// </summary>
internal static class TargetTextWriter
{
    /// <summary>The listing text of a target (no leading space), or empty.</summary>
    public static string Write(Target? target, IpFamily family) => target switch
    {
        null => string.Empty,
        VerdictTarget => string.Empty,
        JumpTarget => string.Empty,
        DnatTarget t => Flags(Range(t.Range, family), (t.Random, "random"), (t.Persistent, "persistent")),
        SnatTarget t => Flags(Range(t.Range, family), (t.Random, "random"), (t.RandomFully, "random-fully"), (t.Persistent, "persistent")),
        MasqueradeTarget t => Flags(t.ToPorts is { } p ? "masq ports: " + Dash(p) : string.Empty, (t.Random, "random"), (t.RandomFully, "random-fully")),
        RedirectTarget t => Flags(t.ToPorts is { } p ? "redir ports " + Dash(p) : string.Empty, (t.Random, "random")),
        RejectTarget t => "reject-with " + t.RejectWith,
        MarkTarget t => Mark(t),
        LogTarget t => "LOG flags " + Num(t.Flags) + " level " + Num(t.Level) + (t.Prefix.Length > 0 ? " prefix \"" + t.Prefix + "\"" : string.Empty),
        RawTarget t => t.ListingText ?? (string.IsNullOrEmpty(t.SaveText) ? string.Empty : t.TargetName + t.SaveText),
        _ => string.Empty,
    };

    /// <summary>
    /// <c>mark_tg_print</c> (MARK revision 2), tests in the source's order: and (mark 0), or
    /// (mark = mask), xor (mask 0), set (mask all ones), xset.
    /// </summary>
    private static string Mark(MarkTarget t)
    {
        if (t.Value == 0) return "MARK and " + MatchTextWriter.Hex(~t.Mask);
        if (t.Value == t.Mask) return "MARK or " + MatchTextWriter.Hex(t.Value);
        if (t.Mask == 0) return "MARK xor " + MatchTextWriter.Hex(t.Value);
        if (t.Mask == uint.MaxValue) return "MARK set " + MatchTextWriter.Hex(t.Value);
        return "MARK xset " + MatchTextWriter.Hex(t.Value) + "/" + MatchTextWriter.Hex(t.Mask);
    }

    /// <summary><c>to:</c> + <c>sprint_range</c> of libxt_NAT, or empty when the range is empty.</summary>
    private static string Range(NatRange? range, IpFamily family)
    {
        if (range is null) return string.Empty;
        var sb = Builder();
        var brackets = family == IpFamily.V6 && range.Ports.HasValue;
        if (range.MinAddress is { } min)
        {
            if (brackets) sb.Append('[');
            sb.Append(min.ToString());
            if (range.MaxAddress is { } max && max != min) sb.Append('-').Append(max.ToString());
            if (brackets) sb.Append(']');
        }
        if (range.Ports is { } ports)
        {
            sb.Append(':').Append(Dash(ports));
            if (range.BasePort is { } basePort) sb.Append('/').Append(Num(basePort));
        }
        return sb.Length == 0 ? string.Empty : "to:" + sb;
    }

    private static string Flags(string head, params (bool On, string Word)[] flags)
    {
        var sb = Builder().Append(head);
        foreach (var (on, word) in flags)
        {
            if (!on) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(word);
        }
        return sb.ToString();
    }

    private static string Dash(PortRange range) => range.IsSingle ? Num(range.First) : Num(range.First) + "-" + Num(range.Last);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An empty builder reused by the writers of this thread (they run for every candidate reading of every rule).</summary>
    private static StringBuilder Builder()
    {
        var sb = _builder ??= new StringBuilder(256);
        sb.Clear();
        return sb;
    }

    [System.ThreadStatic]
    private static StringBuilder? _builder;
}
