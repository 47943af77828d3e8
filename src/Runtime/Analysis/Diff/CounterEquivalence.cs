using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Compares counters that may have been read from a listing without <c>-x</c>, where iptables
/// shows large numbers rounded with a K/M/G/T suffix (<c>xtables_print_num</c>).
/// </summary>
public static class CounterEquivalence
{
    /// <summary>
    /// The value and unit a listing without <c>-x</c> shows for an exact counter: exact up to
    /// 99999, else divided by 1000 with rounding (<c>(n+500)/1000</c>, cascaded) until it fits in
    /// four digits or the unit is T. The addition wraps on 64 bits exactly as in iptables.
    /// </summary>
    public static Counter Shown(ulong exact)
    {
        if (exact <= 99999) return new Counter(exact);
        var n = exact;
        for (var scale = CounterScale.Kilo; ; scale++)
        {
            n = unchecked(n + 500) / 1000;
            if (n <= 9999 || scale == CounterScale.Tera) return new Counter(n, scale);
        }
    }

    /// <summary>
    /// True when the two counters can denote the same count: equal exact values, equal shown
    /// values, or an exact value that a listing shows as the other (rounded) value.
    /// </summary>
    public static bool Equivalent(Counter left, Counter right)
    {
        if (left.IsExact == right.IsExact) return left == right;
        return left.IsExact ? Shown(left.Value) == right : Shown(right.Value) == left;
    }

    /// <summary>True when packets and bytes are both <see cref="Equivalent(Counter, Counter)"/>.</summary>
    public static bool Equivalent(Counters left, Counters right) =>
        Equivalent(left.Packets, right.Packets) && Equivalent(left.Bytes, right.Bytes);

    /// <summary>Like <see cref="Equivalent(Counters, Counters)"/>, where null (unknown) is equivalent to anything.</summary>
    public static bool Equivalent(Counters? left, Counters? right) =>
        !left.HasValue || !right.HasValue || Equivalent(left.Value, right.Value);
}
