using System;
using System.Globalization;
using System.Numerics;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// An exact probability as a reduced fraction. Statistic matches store <c>p·2³¹</c> as an
/// integer, so every branch probability is a fraction with a power-of-two denominator and the
/// outcomes of a trace sum to exactly 1.
/// </summary>
/// <remarks>
/// Such a dyadic fraction <c>n/2ᵏ</c> is held as its numerator and exponent: the numerator in
/// 64 bits when it fits, else as 32-bit limbs; only another fraction (from <see cref="Of"/>)
/// is held as two <see cref="BigInteger"/>s. Every value has one form, so equality compares
/// the fields; the form does not show: <see cref="Numerator"/> and <see cref="Denominator"/> are
/// those of the reduced fraction either way.
/// </remarks>
public readonly struct Probability : IEquatable<Probability>, IComparable<Probability>
{
    /// <summary>
    /// Null: a dyadic fraction whose numerator is <see cref="_small"/>. A uint[]: a dyadic fraction
    /// whose numerator (2⁶⁴ or more) is limbs of this array, least significant first, the last
    /// nonzero, never changed: <see cref="_small"/> holds their offset (high 32 bits) and count
    /// (the outcomes of one trace share one array). A <see cref="Fraction"/>: any other fraction.
    /// </summary>
    private readonly object? _big;

    private readonly ulong _small;

    /// <summary>A dyadic fraction's denominator is 2 to this power (its numerator is odd unless this is 0).</summary>
    private readonly int _exponent;

    private Probability(ulong numerator, int exponent)
    {
        _big = null;
        _small = numerator;
        _exponent = exponent;
    }

    private Probability(uint[] limbs, int offset, int length, int exponent)
    {
        _big = limbs;
        _small = ((ulong)(uint)offset << 32) | (uint)length;
        _exponent = exponent;
    }

    private Probability(Fraction fraction)
    {
        _big = fraction;
        _small = 0;
        _exponent = 0;
    }

    /// <summary>Certainty.</summary>
    public static Probability One => new Probability(1UL, 0);

    /// <summary>Impossibility.</summary>
    public static Probability Zero => default;

    /// <summary>The numerator of the reduced fraction.</summary>
    public BigInteger Numerator => _big switch
    {
        null => new BigInteger(_small),
        uint[] limbs => Limbs.ToBigInteger(limbs, LimbOffset, LimbCount),
        _ => ((Fraction)_big).Numerator,
    };

    /// <summary>The denominator of the reduced fraction.</summary>
    public BigInteger Denominator => _big is Fraction fraction ? fraction.Denominator : BigInteger.One << _exponent;

    /// <summary>A fraction.</summary>
    public static Probability Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.Sign > 0 && denominator.IsPowerOfTwo && numerator.Sign > 0)
        {
            // n/2ᵏ: reducing by the common factors of two gives the same fraction as the general GCD.
            var exponent = Log2(denominator);
            var shift = Math.Min(TrailingZeros(numerator), exponent);
            return Dyadic(numerator >> shift, exponent - shift);
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd.IsZero) gcd = BigInteger.One;
        return Reduced(numerator / gcd, denominator / gcd);
    }

    /// <summary>The probability a statistic match with these stored bits matches.</summary>
    public static Probability FromStatisticBits(uint bits) => Dyadic(bits, 31);

    /// <summary>1 − p.</summary>
    public Probability Complement
    {
        get
        {
            if (_big is null && _exponent < 64 && _small <= 1UL << _exponent)
            {
                // (2ᵏ − n)/2ᵏ: odd when n is (k > 0); k = 0 is 1 − 0 or 1 − 1.
                return Dyadic((1UL << _exponent) - _small, _exponent);
            }
            return Of(Denominator - Numerator, Denominator);
        }
    }

    /// <summary>True when zero.</summary>
    public bool IsZero => _big is Fraction fraction ? fraction.Numerator.IsZero : _big is null && _small == 0;

    /// <summary>Product.</summary>
    public static Probability operator *(Probability a, Probability b)
    {
        if (a.IsOne) return b;
        if (b.IsOne) return a;
        if (a._big is Fraction || b._big is Fraction) return Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
        if (a.IsZero || b.IsZero) return Zero;
        var exponent = a._exponent + b._exponent;
        uint[] product;
        int length;
        if (a._big is null && b._big is null)
        {
            var low = MultiplyFull(a._small, b._small, out var high);
            if (high == 0) return Dyadic(low, exponent);
            product = new uint[4];
            Limbs.FromUInt64(low, product, 0);
            Limbs.FromUInt64(high, product, 2);
            length = Limbs.Trim(product, 0, 4);
        }
        else if (b._big is null || a._big is null)
        {
            var big = a._big is null ? b : a;
            var small = a._big is null ? a._small : b._small;
            product = new uint[big.LimbCount + 2];
            length = Limbs.MultiplySmall((uint[])big._big!, big.LimbOffset, big.LimbCount, small, product, 0);
        }
        else
        {
            product = new uint[a.LimbCount + b.LimbCount];
            length = Limbs.Multiply((uint[])a._big, a.LimbOffset, a.LimbCount, (uint[])b._big, b.LimbOffset, b.LimbCount, product, 0);
        }
        return FromLimbs(product, 0, length, exponent);
    }

    /// <summary>Sum.</summary>
    public static Probability operator +(Probability a, Probability b) => Of((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    /// <summary>The value as a double.</summary>
    public double ToDouble()
    {
        var numerator = Numerator;
        var denominator = Denominator;
        var n = (double)numerator;
        var d = (double)denominator;
        if (!double.IsInfinity(n) && !double.IsInfinity(d)) return n / d;
        // Past 2¹⁰²⁴ (a chain of more than 33 statistic rules) a part is no double: divide both
        // by the same power of two first, keeping about 960 bits of the larger.
        var bytes = Math.Max(numerator.ToByteArray().Length, denominator.ToByteArray().Length);
        var shift = (bytes - 120) * 8;
        return (double)(numerator >> shift) / (double)(denominator >> shift);
    }

    /// <summary>A percentage with <paramref name="decimals"/> decimals, e.g. <c>25.00%</c>.</summary>
    public string ToPercent(int decimals = 2)
    {
        var numerator = Numerator;
        var denominator = Denominator;
        var scale = BigInteger.Pow(10, decimals + 2);
        var scaled = ((numerator * scale * 2) + denominator) / (denominator * 2);
        var text = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return decimals == 0 ? text + "%" : text.Substring(0, text.Length - decimals) + "." + text.Substring(text.Length - decimals) + "%";
    }

    /// <inheritdoc />
    public bool Equals(Probability other)
    {
        if (_big is null) return other._big is null && _small == other._small && _exponent == other._exponent;
        if (_big is uint[] limbs)
        {
            return other._big is uint[] others && _exponent == other._exponent && Limbs.Equal(limbs, LimbOffset, LimbCount, others, other.LimbOffset, other.LimbCount);
        }
        return other._big is Fraction fraction && ((Fraction)_big).Numerator == fraction.Numerator && ((Fraction)_big).Denominator == fraction.Denominator;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Probability p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            switch (_big)
            {
                case null:
                    return (((int)_small ^ (int)(_small >> 32)) * 31) + _exponent;
                case uint[] limbs:
                    var hash = _exponent;
                    var end = LimbOffset + LimbCount;
                    for (var i = LimbOffset; i < end; i++) hash = (hash * 31) + (int)limbs[i];
                    return hash;
                default:
                    var fraction = (Fraction)_big;
                    return (fraction.Numerator.GetHashCode() * 31) + fraction.Denominator.GetHashCode();
            }
        }
    }

    /// <inheritdoc />
    public int CompareTo(Probability other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>The fraction, e.g. <c>1/4</c>.</summary>
    public override string ToString()
    {
        var denominator = Denominator;
        return denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + denominator.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Probability a, Probability b) => a.Equals(b);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Probability a, Probability b) => !a.Equals(b);

    /// <summary>Whether this is a fraction with a power-of-two denominator (as every statistic chance and their products).</summary>
    internal bool IsDyadic => _big is not Fraction;

    /// <summary>A dyadic fraction's denominator is 2 to this power.</summary>
    internal int Exponent => _exponent;

    /// <summary>A dyadic fraction's numerator when it fits in 64 bits (<see cref="BigLimbs"/> is null).</summary>
    internal ulong SmallNumerator => _small;

    /// <summary>
    /// The array holding a dyadic fraction's numerator as limbs (at <see cref="LimbOffset"/>, <see cref="LimbCount"/> of them)
    /// when it does not fit in 64 bits (never to be changed), else null.
    /// </summary>
    internal uint[]? BigLimbs => _big as uint[];

    /// <summary>Where the limbs of <see cref="BigLimbs"/> start.</summary>
    internal int LimbOffset => (int)(_small >> 32);

    /// <summary>How many limbs of <see cref="BigLimbs"/> the numerator has.</summary>
    internal int LimbCount => (int)(uint)_small;

    /// <summary>
    /// The dyadic fraction <c>a/2^exponent</c> with <c>a</c> the limbs at <paramref name="offset"/>
    /// (copied), reducing them in place first.
    /// </summary>
    internal static Probability FromLimbs(uint[] limbs, int offset, int length, int exponent)
    {
        if (length == 0) return Zero;
        var shift = Math.Min(Limbs.TrailingZeros(limbs, offset, length), exponent);
        length = Limbs.ShiftRight(limbs, offset, length, shift);
        exponent -= shift;
        if (length <= 2) return new Probability(Limbs.ToUInt64(limbs, offset, length), exponent);
        var copy = new uint[length];
        Array.Copy(limbs, offset, copy, 0, length);
        return new Probability(copy, 0, length, exponent);
    }

    /// <summary>
    /// The dyadic fraction <c>a/2^exponent</c> with <c>a</c> the reduced limbs at
    /// <paramref name="offset"/>, copied to <paramref name="pool"/> at <paramref name="used"/>
    /// (advanced) when more than two: the pool holds the numerators of several values, and no one
    /// changes it afterwards.
    /// </summary>
    internal static Probability FromReducedLimbs(uint[] limbs, int offset, int length, int exponent, uint[] pool, ref int used)
    {
        if (length <= 2) return new Probability(Limbs.ToUInt64(limbs, offset, length), length == 0 ? 0 : exponent);
        Array.Copy(limbs, offset, pool, used, length);
        var value = new Probability(pool, used, length, exponent);
        used += length;
        return value;
    }

    /// <summary>The dyadic fraction <c>numerator/2^exponent</c>, reduced.</summary>
    internal static Probability Dyadic(ulong numerator, int exponent)
    {
        if (numerator == 0) return Zero;
        var shift = Math.Min(Limbs.TrailingZeros(numerator), exponent);
        return new Probability(numerator >> shift, exponent - shift);
    }

    private bool IsOne => _big is null && _small == 1 && _exponent == 0;

    /// <summary>A reduced fraction in its form.</summary>
    private static Probability Reduced(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.Sign < 0 || denominator.Sign <= 0 || !denominator.IsPowerOfTwo) return new Probability(new Fraction(numerator, denominator));
        return Dyadic(numerator, Log2(denominator));
    }

    /// <summary>A reduced dyadic fraction from a nonnegative numerator.</summary>
    private static Probability Dyadic(BigInteger numerator, int exponent)
    {
        if (numerator <= ulong.MaxValue) return new Probability((ulong)numerator, exponent);
        var limbs = Limbs.FromBigInteger(numerator);
        return new Probability(limbs, 0, limbs.Length, exponent);
    }

    /// <summary>The exponent of a power of two.</summary>
    private static int Log2(BigInteger powerOfTwo) => TrailingZeros(powerOfTwo);

    /// <summary>The number of low zero bits of a positive number.</summary>
    private static int TrailingZeros(BigInteger value)
    {
#if NET7_0_OR_GREATER
        return (int)BigInteger.TrailingZeroCount(value);
#else
        var bytes = value.ToByteArray();
        var i = 0;
        while (bytes[i] == 0) i++;
        return (i * 8) + Limbs.TrailingZeros((uint)bytes[i]);
#endif
    }

    /// <summary>The 128-bit product of two 64-bit numbers.</summary>
    private static ulong MultiplyFull(ulong a, ulong b, out ulong high)
    {
        var aLow = (uint)a;
        var aHigh = a >> 32;
        var bLow = (uint)b;
        var bHigh = b >> 32;
        var lowLow = (ulong)aLow * bLow;
        var lowHigh = aLow * bHigh;
        var highLow = aHigh * bLow;
        var middle = (lowLow >> 32) + (uint)lowHigh + (uint)highLow;
        high = (aHigh * bHigh) + (lowHigh >> 32) + (highLow >> 32) + (middle >> 32);
        return (middle << 32) | (uint)lowLow;
    }

    /// <summary>A fraction whose denominator is not a positive power of two, or whose numerator is negative.</summary>
    private sealed class Fraction
    {
        public Fraction(BigInteger numerator, BigInteger denominator)
        {
            Numerator = numerator;
            Denominator = denominator;
        }

        public BigInteger Numerator { get; }

        public BigInteger Denominator { get; }
    }
}
