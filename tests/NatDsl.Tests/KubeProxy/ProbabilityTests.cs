using System.Globalization;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.KubeProxy;

public class ProbabilityTests
{
    [TestCase(2, 5, "0.50000")]
    [TestCase(3, 5, "0.33333")]
    [TestCase(6, 5, "0.16667")]
    [TestCase(7, 5, "0.14286")]
    [TestCase(1, 10, "1.0000000000")]
    [TestCase(3, 10, "0.3333333333")]
    [TestCase(100000, 10, "0.0000100000")]
    [TestCase(100001, 10, "0.0000099999")]
    // 1/2048 = 0.00048828125 exactly: Go rounds the tie to even.
    [TestCase(2048, 10, "0.0004882812")]
    public void Text_is_what_go_formats(int n, int decimals, string expected)
    {
        Assert.That(Probability.Text(n, decimals), Is.EqualTo(expected));
    }

    [TestCase("0.33333", "0.33332999982")]
    [TestCase("0.3333333333", "0.33333333349")]
    [TestCase("0.16667", "0.16667000018")]
    [TestCase("0.1000000000", "0.10000000009")]
    [TestCase("0.50000", "0.50000000000")]
    public void Stored_value_is_what_the_listing_shows(string written, string listed)
    {
        var stored = Probability.Match(written);
        Assert.That(stored.ProbabilityBits, Is.EqualTo(StatisticMatch.ToBits(double.Parse(listed, CultureInfo.InvariantCulture))));
        Assert.That((stored.ProbabilityBits / 2147483648.0).ToString("F11", CultureInfo.InvariantCulture), Is.EqualTo(listed));
    }

    [Test]
    public void Exact_storage_agrees_with_the_runtime_parser_for_every_kube_proxy_probability()
    {
        for (var n = 1; n <= 3000; n++)
        {
            foreach (var decimals in new[] { 5, 10 })
            {
                var text = Probability.Text(n, decimals);
                Assert.That(Probability.StoredBits(text), Is.EqualTo(StatisticMatch.ToBits(double.Parse(text, CultureInfo.InvariantCulture))), text);
            }
        }
    }
}
