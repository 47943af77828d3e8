using System.Globalization;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Determinism;

/// <summary>Regression tests for culture-dependent text the determinism tests found.</summary>
[Category("Determinism")]
[NonParallelizable]
public class CultureRegressionTests
{
    /// <summary>
    /// Found by the culture determinism test: a parsed rule set's <c>ToString()</c> printed a
    /// statistic match's probability as <c>Probability = 0,5</c> under de-DE (and with the Arabic
    /// decimal separator under ar-SA), since the record printer formats doubles in the current culture.
    /// </summary>
    [TestCase("de-DE")]
    [TestCase("ar-SA")]
    public void Statistic_match_prints_the_same_in_every_culture(string name)
    {
        var match = StatisticMatch.Random(0.5);
        var before = CultureInfo.CurrentCulture;
        string text;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            text = new[] { (Match)match }.ToValueList().ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        Assert.That(text, Is.EqualTo("[StatisticMatch { Module = statistic, Mode = Random, ProbabilityBits = 1073741824, Every = 0, Packet = 0, Inverted = False, Probability = 0.5 }]"));
        Assert.That(match.ToString(), Is.EqualTo("StatisticMatch { Module = statistic, Mode = Random, ProbabilityBits = 1073741824, Every = 0, Packet = 0, Inverted = False, Probability = 0.5 }"));
    }
}
