using System;
using System.Globalization;
using System.Numerics;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// An exact probability as a reduced fraction. Statistic matches store <c>p·2³¹</c> as an
/// integer, so every branch probability is a fraction with a power-of-two denominator and the
/// outcomes of a trace sum to exactly 1.
/// </summary>
public readonly struct Probability : IEquatable<Probability>, IComparable<Probability>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominator;

    private static readonly Probability OneValue = new Probability(BigInteger.One, BigInteger.One);
    private static readonly Probability ZeroValue = new Probability(BigInteger.Zero, BigInteger.One);

    private Probability(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.Sign > 0 && denominator.IsPowerOfTwo && numerator.Sign > 0)
        {
            // Statistic probabilities are n/2^31 and their products n/2^k: reducing by the
            // common factors of two gives the same fraction as the general GCD, much faster.
#if NET7_0_OR_GREATER
            // One shift by min(trailing zeros of the numerator, log2 of the denominator): what the
            // loop below does one bit (and one BigInteger) at a time.
            var shift = (int)BigInteger.Min(BigInteger.TrailingZeroCount(numerator), denominator.GetBitLength() - 1);
            if (shift > 0)
            {
                numerator >>= shift;
                denominator >>= shift;
            }
#else
            while (numerator.IsEven && !denominator.IsOne)
            {
                numerator >>= 1;
                denominator >>= 1;
            }
#endif
            _numerator = numerator;
            _denominator = denominator;
            return;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd.IsZero) gcd = BigInteger.One;
        _numerator = numerator / gcd;
        _denominator = denominator / gcd;
    }

    /// <summary>Certainty.</summary>
    public static Probability One => OneValue;

    /// <summary>Impossibility.</summary>
    public static Probability Zero => ZeroValue;

    /// <summary>The numerator of the reduced fraction.</summary>
    public BigInteger Numerator => _denominator.IsZero ? BigInteger.Zero : _numerator;

    /// <summary>The denominator of the reduced fraction.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    /// <summary>A fraction.</summary>
    public static Probability Of(BigInteger numerator, BigInteger denominator) => new Probability(numerator, denominator);

    /// <summary>The probability a statistic match with these stored bits matches.</summary>
    public static Probability FromStatisticBits(uint bits) => new Probability(bits, BigInteger.One << 31);

    /// <summary>1 − p.</summary>
    public Probability Complement => new Probability(Denominator - Numerator, Denominator);

    /// <summary>True when zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>Product.</summary>
    public static Probability operator *(Probability a, Probability b)
    {
        if (a.IsOne) return b;
        if (b.IsOne) return a;
        return new Probability(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    }

    private bool IsOne => !_denominator.IsZero && _numerator.IsOne && _denominator.IsOne;

    /// <summary>Sum.</summary>
    public static Probability operator +(Probability a, Probability b) => new Probability((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    /// <summary>The value as a double.</summary>
    public double ToDouble() => (double)Numerator / (double)Denominator;

    /// <summary>A percentage with <paramref name="decimals"/> decimals, e.g. <c>25.00%</c>.</summary>
    public string ToPercent(int decimals = 2)
    {
        var scale = BigInteger.Pow(10, decimals + 2);
        var scaled = ((Numerator * scale * 2) + Denominator) / (Denominator * 2);
        var text = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return decimals == 0 ? text + "%" : text.Substring(0, text.Length - decimals) + "." + text.Substring(text.Length - decimals) + "%";
    }

    /// <inheritdoc />
    public bool Equals(Probability other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Probability p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked(Numerator.GetHashCode() * 31 + Denominator.GetHashCode());

    /// <inheritdoc />
    public int CompareTo(Probability other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>The fraction, e.g. <c>1/4</c>.</summary>
    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Probability a, Probability b) => a.Equals(b);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Probability a, Probability b) => !a.Equals(b);
}
