using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NatDsl.Analysis.Trace;
using NatDsl.Model;
using NUnit.Framework;
using KubeProbability = NatDsl.KubeProxy.Probability;

namespace NatDsl.Tests.Analysis.Trace;

/// <summary>
/// <see cref="Probability"/> keeps power-of-two fractions in 64 bits or limbs and any other
/// fraction as BigIntegers: every result must be the exact reduced fraction a plain BigInteger
/// rational computes, whatever form the operands had, and equal values must be equal (with equal
/// hash codes) whichever way they were made.
/// </summary>
public class ProbabilityArithmeticTests
{
    /// <summary>The stored bits of every probability kube-proxy writes for 1..60 endpoints (both formats), and edge bits.</summary>
    private static IEnumerable<uint> StatisticBits()
    {
        var bits = new SortedSet<uint> { 0, 1, 2, 3, 0x40000000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x55555555 };
        for (var n = 1; n <= 60; n++)
        {
            bits.Add(KubeProbability.StoredBits(KubeProbability.Text(n, 5)));
            bits.Add(KubeProbability.StoredBits(KubeProbability.Text(n, 10)));
        }
        return bits;
    }

    [Test]
    public void Statistic_chances_are_their_bits_over_two_to_the_31()
    {
        foreach (var bits in StatisticBits())
        {
            var p = Probability.FromStatisticBits(bits);
            AssertExact(p, Reference.Of(bits, BigInteger.One << 31), "bits " + bits);
            AssertExact(p.Complement, Reference.Of((BigInteger.One << 31) - bits, BigInteger.One << 31), "complement of bits " + bits);
        }
    }

    [Test]
    public void A_kube_proxy_chain_of_sixty_endpoints_multiplies_exactly()
    {
        // Endpoint i is reached with the misses of every earlier rule times its own hit: the
        // numerators grow to 60·31 bits, far past 64.
        foreach (var decimals in new[] { 5, 10 })
        {
            var reached = Probability.One;
            var expected = Reference.One;
            var total = Probability.Zero;
            for (var remaining = 60; remaining >= 1; remaining--)
            {
                var bits = KubeProbability.StoredBits(KubeProbability.Text(remaining, decimals));
                var hit = remaining == 1 ? Probability.One : Probability.FromStatisticBits(bits);
                var hitExpected = remaining == 1 ? Reference.One : Reference.Of(bits, BigInteger.One << 31);
                AssertExact(reached * hit, expected * hitExpected, remaining + " left");
                total += reached * hit;
                reached *= hit.Complement;
                expected *= Reference.One - hitExpected;
                AssertExact(reached, expected, "missed with " + remaining + " left");
            }
            Assert.That(reached.IsZero, Is.True, "the last endpoint takes everything left");
            Assert.That(total, Is.EqualTo(Probability.One), "the endpoints' shares sum to exactly 1");
        }
    }

    [Test]
    public void Products_of_many_factors_in_any_order_and_grouping_are_one_value()
    {
        var random = new Random(1126);
        var bits = StatisticBits().Where(b => b != 0).ToArray();
        for (var round = 0; round < 300; round++)
        {
            var factors = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Probability.FromStatisticBits(bits[random.Next(bits.Length)])).ToList();
            if (random.Next(4) == 0) factors.Add(Probability.Of(random.Next(1, 1000), 1 << random.Next(0, 20)));
            var expected = factors.Aggregate(Reference.One, (r, f) => r * Reference.Of(f.Numerator, f.Denominator));
            var leftToRight = factors.Aggregate(Probability.One, (a, f) => a * f);
            var rightToLeft = Enumerable.Reverse(factors).Aggregate(Probability.One, (a, f) => f * a);
            var halves = factors.Take(factors.Count / 2).Aggregate(Probability.One, (a, f) => a * f) * factors.Skip(factors.Count / 2).Aggregate(Probability.One, (a, f) => a * f);
            var rebuilt = Probability.Of(expected.Numerator, expected.Denominator);
            foreach (var p in new[] { leftToRight, rightToLeft, halves, rebuilt })
            {
                AssertExact(p, expected, "round " + round);
                Assert.That(p, Is.EqualTo(leftToRight), "round " + round);
                Assert.That(p.GetHashCode(), Is.EqualTo(leftToRight.GetHashCode()), "round " + round);
            }
        }
    }

    [Test]
    public void Numerators_at_the_edge_of_64_bits_keep_their_value()
    {
        var two64 = BigInteger.One << 64;
        foreach (var numerator in new[] { two64 - 1, two64 + 1, two64 - 3, (two64 * 3) + 1, (BigInteger.One << 63) + 1, (BigInteger.One << 95) + 7 })
        {
            foreach (var exponent in new[] { 64, 65, 70, 96, 128 })
            {
                var denominator = BigInteger.One << exponent;
                if (numerator > denominator) continue;
                var p = Probability.Of(numerator, denominator);
                var expected = Reference.Of(numerator, denominator);
                AssertExact(p, expected, numerator + "/2^" + exponent);
                AssertExact(p.Complement, Reference.One - expected, "1 - " + numerator + "/2^" + exponent);
                AssertExact(p * p, expected * expected, "square of " + numerator + "/2^" + exponent);
                AssertExact(p * Probability.Of(3, 4), expected * Reference.Of(3, 4), numerator + "/2^" + exponent + " * 3/4");
                AssertExact(Probability.Of(1, 2) * p, Reference.Of(1, 2) * expected, "1/2 * " + numerator + "/2^" + exponent);
            }
        }
        // Two 64-bit numerators whose product needs all 128 bits; and one that reduces.
        var big = Probability.Of(ulong.MaxValue, two64);
        AssertExact(big * big, Reference.Of(ulong.MaxValue, two64) * Reference.Of(ulong.MaxValue, two64), "(2^64-1)^2/2^128");
        AssertExact(Probability.Of(two64 - 2, two64) * Probability.Of(2, 1), Reference.Of(two64 - 2, two64) * Reference.Of(2, 1), "even numerators reduce");
    }

    [TestCase(1, 3)]
    [TestCase(1, 7)]
    [TestCase(2, 6)]
    [TestCase(5, 17)]
    [TestCase(3, 1)]
    [TestCase(4, 2)]
    [TestCase(6, 4)]
    [TestCase(0, 5)]
    [TestCase(0, 4)]
    [TestCase(-1, 2)]
    [TestCase(1, 10)]
    public void Other_fractions_are_exact_and_mix_with_power_of_two_ones(int numerator, int denominator)
    {
        var p = Probability.Of(numerator, denominator);
        var expected = Reference.Of(numerator, denominator);
        AssertExact(p, expected, numerator + "/" + denominator);
        var sixteenth = Probability.FromStatisticBits(0x8000000);
        var chain = Probability.FromStatisticBits(KubeProbability.StoredBits(KubeProbability.Text(17, 10)));
        foreach (var other in new[] { sixteenth, chain, chain * chain * chain, Probability.One, Probability.Zero, Probability.Of(1, 3) })
        {
            var o = Reference.Of(other.Numerator, other.Denominator);
            AssertExact(p * other, expected * o, p + " * " + other);
            AssertExact(other * p, o * expected, other + " * " + p);
            AssertExact(p + other, expected + o, p + " + " + other);
        }
        AssertExact(p.Complement, Reference.One - expected, "1 - " + p);
    }

    [Test]
    public void Zero_and_one_are_what_they_say_in_every_form()
    {
        var zeros = new[] { Probability.Zero, default(Probability), Probability.Of(0, 1), Probability.Of(0, 1024), Probability.FromStatisticBits(0), Probability.One.Complement, Probability.Of(1, 3) * Probability.Zero, Probability.FromStatisticBits(5) * Probability.Zero };
        foreach (var zero in zeros)
        {
            Assert.That(zero.IsZero, Is.True);
            Assert.That(zero, Is.EqualTo(Probability.Zero));
            Assert.That(zero.GetHashCode(), Is.EqualTo(Probability.Zero.GetHashCode()));
            Assert.That(zero.ToString(), Is.EqualTo("0"));
            Assert.That(zero.ToPercent(3), Is.EqualTo("0.000%"));
            Assert.That(zero.ToDouble(), Is.EqualTo(0.0));
        }
        var ones = new[] { Probability.One, Probability.Of(1, 1), Probability.Of(1024, 1024), Probability.Of(3, 3), Probability.Zero.Complement, Probability.FromStatisticBits(0x80000000), Probability.Of(1, 2) + Probability.Of(1, 2) };
        foreach (var one in ones)
        {
            Assert.That(one.IsZero, Is.False);
            Assert.That(one, Is.EqualTo(Probability.One));
            Assert.That(one.GetHashCode(), Is.EqualTo(Probability.One.GetHashCode()));
            Assert.That(one.ToString(), Is.EqualTo("1"));
            Assert.That(one.ToPercent(2), Is.EqualTo("100.00%"));
            Assert.That(one * Probability.Of(1, 3), Is.EqualTo(Probability.Of(1, 3)));
            Assert.That(Probability.FromStatisticBits(12345) * one, Is.EqualTo(Probability.FromStatisticBits(12345)));
        }
        Assert.That(Probability.Of(-1, 2), Is.Not.EqualTo(Probability.Of(1, 2)));
        Assert.That(Probability.Of(1, 3), Is.Not.EqualTo(Probability.Of(1, 4)));
        Assert.That(Probability.Of(1, 4), Is.Not.EqualTo(Probability.Of(1, 2)));
        Assert.Throws<DivideByZeroException>(() => Probability.Of(1, 0));
    }

    [Test]
    public void Text_double_and_order_follow_the_value()
    {
        var third = Probability.FromStatisticBits(KubeProbability.StoredBits(KubeProbability.Text(3, 10)));
        Assert.That(third.ToString(), Is.EqualTo("715827883/2147483648"));
        Assert.That(third.ToPercent(3), Is.EqualTo("33.333%"));
        var seventeenth = Probability.FromStatisticBits(KubeProbability.StoredBits(KubeProbability.Text(17, 10)));
        Assert.That(seventeenth.ToPercent(4), Is.EqualTo("5.8824%"));
        var deep = Enumerable.Repeat(third, 25).Aggregate(Probability.One, (a, f) => a * f);
        var expected = Enumerable.Repeat(Reference.Of(715827883, BigInteger.One << 31), 25).Aggregate(Reference.One, (a, f) => a * f);
        Assert.That(deep.ToString(), Is.EqualTo(expected.Numerator + "/" + expected.Denominator));
        Assert.That(deep.ToDouble(), Is.EqualTo(Math.Pow(715827883 / 2147483648.0, 25)).Within(1e-24));
        Assert.That(deep.CompareTo(third), Is.LessThan(0));
        Assert.That(third.CompareTo(deep), Is.GreaterThan(0));
        Assert.That(deep.CompareTo(deep * Probability.One), Is.EqualTo(0));
        Assert.That(Probability.Of(1, 3).CompareTo(third), Is.LessThan(0), "0.33333333349 is stored a little above 1/3");
    }

    [Test]
    public void A_double_stays_finite_past_two_to_the_1024()
    {
        // 40 factors of about 1/2 have a denominator of 2^1240: a plain BigInteger-to-double
        // division gave infinity over infinity.
        var half = Probability.FromStatisticBits(0x40000001);
        var deep = Enumerable.Repeat(half, 40).Aggregate(Probability.One, (a, f) => a * f);
        Assert.That(deep.Denominator > BigInteger.Pow(2, 1100), Is.True);
        Assert.That(deep.ToDouble(), Is.EqualTo(Math.Pow(0x40000001 / 2147483648.0, 40)).Within(1e-25));
        Assert.That(deep.Complement.ToDouble(), Is.EqualTo(1.0 - Math.Pow(0x40000001 / 2147483648.0, 40)).Within(1e-15));
        var tiny = Enumerable.Repeat(Probability.FromStatisticBits(3), 40).Aggregate(Probability.One, (a, f) => a * f);
        Assert.That(tiny.ToDouble(), Is.EqualTo(0.0), "far below the smallest double");
        Assert.That(Probability.FromStatisticBits(715827883).ToDouble(), Is.EqualTo(715827883 / 2147483648.0), "small values as before");
    }

    private static void AssertExact(Probability actual, Reference expected, string what)
    {
        Assert.That(actual.Numerator, Is.EqualTo(expected.Numerator), what + ": numerator");
        Assert.That(actual.Denominator, Is.EqualTo(expected.Denominator), what + ": denominator");
        Assert.That(actual.IsZero, Is.EqualTo(expected.Numerator.IsZero), what + ": zero");
        var text = expected.Denominator.IsOne ? expected.Numerator.ToString() : expected.Numerator + "/" + expected.Denominator;
        Assert.That(actual.ToString(), Is.EqualTo(text), what + ": text");
        var same = Probability.Of(expected.Numerator, expected.Denominator);
        Assert.That(actual, Is.EqualTo(same), what + ": equal to the fraction made directly");
        Assert.That(actual.GetHashCode(), Is.EqualTo(same.GetHashCode()), what + ": hash code");
    }

    /// <summary>A plain reduced BigInteger fraction with a positive denominator: what the results must equal.</summary>
    private readonly struct Reference
    {
        private Reference(BigInteger numerator, BigInteger denominator)
        {
            var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (gcd.IsZero) gcd = BigInteger.One;
            if (denominator.Sign < 0) gcd = -gcd;
            Numerator = numerator / gcd;
            Denominator = denominator / gcd;
        }

        public static Reference One => new Reference(1, 1);

        public BigInteger Numerator { get; }

        public BigInteger Denominator { get; }

        public static Reference Of(BigInteger numerator, BigInteger denominator) => new Reference(numerator, denominator);

        public static Reference operator *(Reference a, Reference b) => new Reference(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Reference operator +(Reference a, Reference b) => new Reference((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Reference operator -(Reference a, Reference b) => new Reference((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);
    }
}
