using System;
using System.Globalization;
using System.Numerics;
using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>
/// kube-proxy's load-balancing probabilities: the text it writes (<c>fmt.Sprintf("%0.Nf", 1.0/n)</c>)
/// and the match iptables stores for that text (<c>lround(strtod(text) · 2³¹)</c>). Both are
/// computed exactly, so the result is the same on every runtime.
/// </summary>
public static class Probability
{
    /// <summary>The text of 1/<paramref name="n"/> with <paramref name="decimals"/> decimals, rounded like Go (half to even on the exact binary value).</summary>
    public static string Text(int n, int decimals)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        if (decimals < 0 || decimals > 30) throw new ArgumentOutOfRangeException(nameof(decimals));
        return FormatFixed(1.0 / n, decimals);
    }

    /// <summary>The statistic match iptables stores for the probability text <paramref name="text"/>.</summary>
    public static StatisticMatch Match(string text) =>
        new StatisticMatch { Mode = StatisticMode.Random, ProbabilityBits = StoredBits(text) };

    /// <summary>The statistic match for rule <paramref name="n"/> endpoints from the end, as kube-proxy writes and iptables stores it.</summary>
    public static StatisticMatch Match(int n, int decimals)
    {
        // A pure function of (n, decimals) with few distinct arguments in any cluster (n is an
        // endpoint count): computed once each, shared (StatisticMatch is immutable).
        var key = ((long)n << 32) | (uint)decimals;
        if (MatchCache.TryGetValue(key, out var match)) return match;
        return MatchCache.GetOrAdd(key, Match(Text(n, decimals)));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, StatisticMatch> MatchCache = new System.Collections.Concurrent.ConcurrentDictionary<long, StatisticMatch>();

    /// <summary>Exact fixed-point text of a finite, non-negative double, rounded half to even.</summary>
    public static string FormatFixed(double value, int decimals)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0) throw new ArgumentOutOfRangeException(nameof(value));
        Decompose(value, out var mantissa, out var exponent);
        var numerator = mantissa * BigInteger.Pow(10, decimals);
        BigInteger scaled;
        if (exponent >= 0)
        {
            scaled = numerator << exponent;
        }
        else
        {
            var denominator = BigInteger.One << -exponent;
            scaled = BigInteger.DivRem(numerator, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !scaled.IsEven)) scaled += 1;
        }

        var digits = scaled.ToString(CultureInfo.InvariantCulture);
        if (decimals == 0) return digits;
        if (digits.Length <= decimals) digits = new string('0', decimals - digits.Length + 1) + digits;
        return digits.Substring(0, digits.Length - decimals) + "." + digits.Substring(digits.Length - decimals);
    }

    /// <summary>
    /// <c>lround(strtod(text) · 2³¹)</c>: the decimal text is rounded to the nearest double
    /// (half to even, as glibc's strtod), then scaled and rounded half away from zero.
    /// </summary>
    public static uint StoredBits(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var dot = text.IndexOf('.');
        var digits = dot < 0 ? text : text.Substring(0, dot) + text.Substring(dot + 1);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        if (digits.Length == 0) throw new FormatException("empty probability");
        foreach (var c in digits)
        {
            if (c < '0' || c > '9') throw new FormatException("'" + text + "' is not a plain decimal probability");
        }
        var k = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var den = BigInteger.Pow(10, decimals);
        if (k.IsZero) return 0;
        if (k > den) throw new FormatException("'" + text + "' is above 1");

        // Nearest double q · 2^-s with 2^52 ≤ q < 2^53.
        var s = 52 - (BitLength(k) - BitLength(den));
        BigInteger q, r;
        while (true)
        {
            var num = s >= 0 ? k << s : k >> -s;
            q = BigInteger.DivRem(num, den, out r);
            if (q >= (BigInteger.One << 53)) { s--; continue; }
            if (q < (BigInteger.One << 52)) { s++; continue; }
            break;
        }
        var twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven)) q += 1;
        if (q == (BigInteger.One << 53)) { q >>= 1; s--; }

        // lround(q · 2^(31 - s)).
        var shift = s - 31;
        if (shift <= 0) return (uint)(q << -shift);
        var result = q >> shift;
        var rest = q - (result << shift);
        if (rest * 2 >= (BigInteger.One << shift)) result += 1;
        return (uint)result;
    }

    private static void Decompose(double value, out BigInteger mantissa, out int exponent)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & ((1L << 52) - 1);
        if (biased == 0)
        {
            mantissa = fraction;
            exponent = -1074;
        }
        else
        {
            mantissa = fraction | (1L << 52);
            exponent = biased - 1075;
        }
    }

    private static int BitLength(BigInteger value)
    {
        var length = 0;
        while (value > 0)
        {
            value >>= 1;
            length++;
        }
        return length;
    }
}
