using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Model;

public class IpAddressTests
{
    [TestCase("10.254.82.218")]
    [TestCase("0.0.0.0")]
    [TestCase("255.255.255.255")]
    [TestCase("2001:db8::1")]
    [TestCase("fd00::5")]
    [TestCase("::")]
    [TestCase("::1")]
    [TestCase("::ffff:1.2.3.4")]
    [TestCase("2001:db8:1234:5678:9abc:def0:1234:5678")]
    [TestCase("2001:db8:0:1::1")]
    [TestCase("ffff:ffff:0:ffff::")]
    public void Formats_like_inet_ntop(string text)
    {
        Assert.That(IpAddress.Parse(text).ToString(), Is.EqualTo(text));
    }

    [TestCase("10.1.2")]
    [TestCase("10.1.2.256")]
    [TestCase("10.1.2.3.4")]
    [TestCase("1::2::3")]
    [TestCase("10.1.2.3 ")]
    [TestCase("")]
    public void Rejects_malformed_addresses(string text)
    {
        Assert.That(IpAddress.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Networks_clear_host_bits_and_keep_non_contiguous_masks()
    {
        Assert.That(IpNetwork.Parse("10.1.2.3/8").ToString(), Is.EqualTo("10.0.0.0/8"));
        Assert.That(IpNetwork.Parse("10.0.0.0/255.0.255.0").ToString(), Is.EqualTo("10.0.0.0/255.0.255.0"));
        Assert.That(IpNetwork.Parse("10.0.0.0/255.255.0.0").PrefixLength, Is.EqualTo(16));
        Assert.That(IpNetwork.Parse("10.254.28.6"), Is.EqualTo(IpNetwork.Parse("10.254.28.6/32")));
        Assert.That(IpNetwork.Parse("10.254.0.0/16").Contains(IpAddress.Parse("10.254.98.4")), Is.True);
        Assert.That(IpNetwork.Parse("10.254.0.0/16").Contains(IpAddress.Parse("10.253.98.4")), Is.False);
    }

    [Test]
    public void Statistic_probability_is_stored_like_the_kernel()
    {
        Assert.That(StatisticMatch.Random(0.33333), Is.EqualTo(StatisticMatch.Random(0.33332999982)));
        Assert.That(StatisticMatch.Random(1.0).ProbabilityBits, Is.EqualTo(2147483648u));
    }
}
