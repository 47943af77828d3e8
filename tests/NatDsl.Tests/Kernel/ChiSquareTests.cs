using NUnit.Framework;

namespace NatDsl.Tests.Kernel;

/// <summary>The chi-square helper the kernel tests judge by, against tabulated critical values.</summary>
public class ChiSquareTests
{
    [TestCase(10.828, 1, 0.001)]
    [TestCase(13.816, 2, 0.001)]
    [TestCase(16.266, 3, 0.001)]
    [TestCase(18.467, 4, 0.001)]
    [TestCase(3.841, 1, 0.05)]
    [TestCase(7.815, 3, 0.05)]
    [TestCase(2.366, 3, 0.5)]
    [TestCase(0.0158, 1, 0.9)]
    public void Upper_tail_matches_the_table(double statistic, int degreesOfFreedom, double tail)
    {
        Assert.That(ChiSquare.UpperTail(statistic, degreesOfFreedom), Is.EqualTo(tail).Within(tail * 0.002));
    }

    [Test]
    public void Statistic_is_pearsons_sum()
    {
        Assert.That(ChiSquare.Statistic(new[] { 90, 110, 100, 100 }, new[] { 100.0, 100, 100, 100 }), Is.EqualTo(2.0).Within(1e-12));
    }

    [Test]
    public void A_first_match_bias_is_rejected_at_400_samples()
    {
        // 400 connections spread evenly, judged against the distribution of a tracer that took each
        // rule's stored probability unconditionally (0.25, 0.33, 0.5, 1 normalised).
        var observed = new[] { 100, 100, 100, 100 };
        var expected = new[] { 400 * 0.12, 400 * 0.16, 400 * 0.24, 400 * 0.48 };
        Assert.That(ChiSquare.UpperTail(ChiSquare.Statistic(observed, expected), 3), Is.LessThan(1e-6));
    }
}
