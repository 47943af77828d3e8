using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// Counter text of <c>iptables -L -v</c>: <c>xtables_print_num</c>, its K/M/G/T rule with cascaded
/// rounding on unsigned 64-bit integers (so <c>n + 500</c> wraps near 2⁶⁴), and the <c>-x</c> form.
/// </summary>
public static class ListingCounters
{
    private const ulong PlainLimit = 99999;
    private const ulong ScaledLimit = 9999;

    /// <summary>
    /// The value a listing without <c>-x</c> shows for an exact count: the count itself up to
    /// 99 999, otherwise <c>(n+500)/1000</c> repeated (each step on the previous result) until it
    /// is at most 9 999, with K, M, G and then T (T without limit).
    /// </summary>
    public static Counter Shown(ulong value)
    {
        if (value <= PlainLimit) return new Counter(value);
        var n = value;
        for (var scale = CounterScale.Kilo; ; scale++)
        {
            n = unchecked(n + 500) / 1000;
            if (n <= ScaledLimit || scale == CounterScale.Tera) return new Counter(n, scale);
        }
    }

    /// <summary>
    /// The rounded form of a counter: exact counters become <see cref="Shown(ulong)"/>, counters already
    /// known only as a shown value stay as they are.
    /// </summary>
    public static Counter Shown(Counter counter) => counter.IsExact ? Shown(counter.Value) : counter;

    /// <summary>
    /// A counter as it appears in a rule line (table mode), including the separating space:
    /// <c>%8llu </c> with <c>-x</c>, else <c>%5llu </c> or <c>%4lluK </c> (M, G, T).
    /// A counter known only as a shown value prints its estimate with <c>-x</c>.
    /// </summary>
    public static string Column(Counter counter, bool exact)
    {
        if (exact) return Digits(counter.Estimate).PadLeft(8) + " ";
        var shown = Shown(counter);
        return shown.IsExact ? Digits(shown.Value).PadLeft(5) + " " : Digits(shown.Value).PadLeft(4) + Suffix(shown.Scale) + " ";
    }

    /// <summary>
    /// A counter as a chain header prints it (no-table mode): the same rule without padding and
    /// without the trailing space (<c>418K</c>, <c>37844</c>).
    /// </summary>
    public static string Header(Counter counter, bool exact)
    {
        if (exact) return Digits(counter.Estimate);
        var shown = Shown(counter);
        return Digits(shown.Value) + Suffix(shown.Scale);
    }

    /// <summary>
    /// Reads a counter token (<c>28044</c>, <c>1705K</c>). Returns false for anything else,
    /// including values beyond 2⁶⁴−1.
    /// </summary>
    public static bool TryParse(string token, out Counter counter)
    {
        counter = default;
        if (string.IsNullOrEmpty(token)) return false;
        var scale = CounterScale.Exact;
        var digits = token;
        switch (token[token.Length - 1])
        {
            case 'K': scale = CounterScale.Kilo; break;
            case 'M': scale = CounterScale.Mega; break;
            case 'G': scale = CounterScale.Giga; break;
            case 'T': scale = CounterScale.Tera; break;
        }
        if (scale != CounterScale.Exact) digits = token.Substring(0, token.Length - 1);
        if (digits.Length == 0) return false;
        foreach (var c in digits)
        {
            if (c < '0' || c > '9') return false;
        }
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        counter = new Counter(value, scale);
        return true;
    }

    /// <summary>
    /// <see cref="TryParse(string, out Counter)"/> of <c>text[start..end)</c>, without a substring for
    /// up to 19 digits (which cannot overflow).
    /// </summary>
    internal static bool TryParse(string text, int start, int end, out Counter counter)
    {
        counter = default;
        var digitsEnd = end;
        var scale = CounterScale.Exact;
        if (end > start)
        {
            switch (text[end - 1])
            {
                case 'K': scale = CounterScale.Kilo; break;
                case 'M': scale = CounterScale.Mega; break;
                case 'G': scale = CounterScale.Giga; break;
                case 'T': scale = CounterScale.Tera; break;
            }
            if (scale != CounterScale.Exact) digitsEnd--;
        }
        if (digitsEnd - start > 19 || digitsEnd == start) return TryParse(text.Substring(start, end - start), out counter);
        ulong value = 0;
        for (var i = start; i < digitsEnd; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9') return false;
            value = (value * 10) + (ulong)(c - '0');
        }
        counter = new Counter(value, scale);
        return true;
    }

    private static string Digits(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Suffix(CounterScale scale) => scale switch
    {
        CounterScale.Kilo => "K",
        CounterScale.Mega => "M",
        CounterScale.Giga => "G",
        CounterScale.Tera => "T",
        _ => string.Empty,
    };
}
