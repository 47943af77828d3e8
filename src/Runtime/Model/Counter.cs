using System.Globalization;

namespace NatDsl.Model;

/// <summary>A packet or byte counter: an exact value, or a value shown rounded in a listing.</summary>
/// <param name="Value">The exact value, or the shown number when <paramref name="Scale"/> is not exact.</param>
/// <param name="Scale">The unit of <paramref name="Value"/>.</param>
public readonly record struct Counter(ulong Value, CounterScale Scale = CounterScale.Exact)
{
    /// <summary>True when the value is exact.</summary>
    public bool IsExact => Scale == CounterScale.Exact;

    /// <summary>
    /// The best exact estimate: the value itself, or the shown number times 1000^scale
    /// (saturating at 2^64−1).
    /// </summary>
    public ulong Estimate
    {
        get
        {
            var v = Value;
            for (var i = 0; i < (int)Scale; i++)
            {
                if (v > ulong.MaxValue / 1000) return ulong.MaxValue;
                v *= 1000;
            }
            return v;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (Scale switch
    {
        CounterScale.Kilo => "K",
        CounterScale.Mega => "M",
        CounterScale.Giga => "G",
        CounterScale.Tera => "T",
        _ => string.Empty,
    });
}
