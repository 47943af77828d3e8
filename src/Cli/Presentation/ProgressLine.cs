using System;
using System.Globalization;
using System.Text;

namespace NatDsl.Cli.Presentation;

/// <summary>
/// The text of the progress line: <c>natdsl: reading node.rules  42% (12.3 MB)</c>,
/// <c>natdsl: writing rule sets  3/12</c>, or <c>natdsl: parsing node.rules  |</c> (a spinner
/// where the work offers no measure).
/// </summary>
public static class ProgressLine
{
    private const string Spinner = "|/-\\";

    /// <summary>Renders one state of a phase.</summary>
    /// <param name="what">The phase (<c>parsing node.rules</c>).</param>
    /// <param name="unit">What <paramref name="done"/> and <paramref name="total"/> count.</param>
    /// <param name="done">The amount done so far.</param>
    /// <param name="total">The whole amount, or a negative number when unknown.</param>
    /// <param name="frame">The redraw count, which turns the spinner.</param>
    /// <param name="width">The terminal width: the line is kept shorter than it (0: no limit).</param>
    public static string Render(string what, ProgressUnit unit, long done, long total, int frame, int width = 0)
    {
        if (what is null) throw new ArgumentNullException(nameof(what));
        var sb = new StringBuilder("natdsl: ").Append(what).Append("  ");
        var spin = Spinner[((frame % Spinner.Length) + Spinner.Length) % Spinner.Length];
        switch (unit)
        {
            case ProgressUnit.Bytes when total >= 0:
                sb.Append(Percent(done, total).ToString(CultureInfo.InvariantCulture)).Append("% (").Append(Bytes(total)).Append(')');
                break;
            case ProgressUnit.Bytes:
                sb.Append(Bytes(done)).Append(' ').Append(spin);
                break;
            case ProgressUnit.Items when total >= 0:
                sb.Append(Math.Max(0, Math.Min(done, total)).ToString(CultureInfo.InvariantCulture)).Append('/').Append(total.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append(spin);
                break;
        }
        var line = sb.ToString();
        if (width > 1 && line.Length > width - 1) line = line.Substring(0, Math.Max(1, width - 2)) + "…";
        return line;
    }

    /// <summary>The whole percentage of <paramref name="done"/> in <paramref name="total"/>, 0 to 100 (100 for an empty total).</summary>
    public static int Percent(long done, long total)
    {
        if (total <= 0) return 100;
        var clamped = Math.Max(0, Math.Min(done, total));
        return (int)(clamped * 100 / total);
    }

    /// <summary>A byte count as people read it: <c>512 B</c>, <c>12.3 kB</c>, <c>12.3 MB</c>, <c>1.2 GB</c> (powers of 1000).</summary>
    public static string Bytes(long bytes)
    {
        if (bytes < 1000) return Math.Max(0, bytes).ToString(CultureInfo.InvariantCulture) + " B";
        string[] units = { "kB", "MB", "GB", "TB" };
        double value = bytes;
        var unit = -1;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        // 999.96 kB would round to "1000.0 kB": show it in the next unit instead.
        if (Math.Round(value, 1) >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
