using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>The K/M/G/T rule of iptables-formats.md §2.5 (xtables_print_num).</summary>
public class ListingCountersTests
{
    // Every row of the table in §2.5 (observed in v3-counters, both backends).
    [TestCase(0UL, "    0")]
    [TestCase(999UL, "  999")]
    [TestCase(1000UL, " 1000")]
    [TestCase(99999UL, "99999")]
    [TestCase(100000UL, " 100K")]
    [TestCase(100499UL, " 100K")]
    [TestCase(100500UL, " 101K")]
    [TestCase(999500UL, "1000K")]
    [TestCase(1705000UL, "1705K")]
    [TestCase(1499500UL, "1500K")]
    [TestCase(9999499UL, "9999K")]
    [TestCase(9999500UL, "  10M")]
    [TestCase(10499500UL, "  11M")]
    [TestCase(30000000UL, "  30M")]
    [TestCase(999999999UL, "1000M")]
    [TestCase(9999500000UL, "  10G")]
    [TestCase(1000000000000UL, "1000G")]
    [TestCase(9999999999999999UL, "10000T")]
    [TestCase(18446744073709551115UL, "18446744T")]
    [TestCase(18446744073709551116UL, "   0K")]
    [TestCase(18446744073709551615UL, "   0K")]
    public void Column_follows_the_K_M_G_T_rule(ulong value, string shown)
    {
        Assert.That(ListingCounters.Column(new Counter(value), exact: false), Is.EqualTo(shown + " "));
    }

    [TestCase(10499500UL, 11UL, CounterScale.Mega)]
    [TestCase(999999999UL, 1000UL, CounterScale.Mega)]
    [TestCase(99999UL, 99999UL, CounterScale.Exact)]
    [TestCase(18446744073709551115UL, 18446744UL, CounterScale.Tera)]
    [TestCase(18446744073709551116UL, 0UL, CounterScale.Kilo)]
    public void Shown_value_is_rounded_in_cascade_on_unsigned_64_bits(ulong value, ulong shown, CounterScale scale)
    {
        Assert.That(ListingCounters.Shown(value), Is.EqualTo(new Counter(shown, scale)));
    }

    [Test]
    public void Wrap_starts_exactly_500_below_two_to_the_64()
    {
        Assert.That(ListingCounters.Shown(ulong.MaxValue - 500), Is.EqualTo(new Counter(18446744, CounterScale.Tera)));
        Assert.That(ListingCounters.Shown(ulong.MaxValue - 499), Is.EqualTo(new Counter(0, CounterScale.Kilo)));
    }

    [TestCase(0UL, "       0 ")]
    [TestCase(1705000UL, " 1705000 ")]
    [TestCase(999999999UL, "999999999 ")]
    [TestCase(18446744073709551615UL, "18446744073709551615 ")]
    public void Exact_column_is_eight_wide_for_packets_and_bytes(ulong value, string text)
    {
        Assert.That(ListingCounters.Column(new Counter(value), exact: true), Is.EqualTo(text));
    }

    [TestCase(598UL, false, "598")]
    [TestCase(418000UL, false, "418K")]
    [TestCase(30000000UL, false, "30M")]
    [TestCase(18446744073709551615UL, false, "0K")]
    [TestCase(18446744073709551615UL, true, "18446744073709551615")]
    public void Header_counters_are_unpadded(ulong value, bool exact, string text)
    {
        Assert.That(ListingCounters.Header(new Counter(value), exact), Is.EqualTo(text));
    }

    [Test]
    public void A_shown_counter_renders_back_as_shown_and_as_its_estimate_with_x()
    {
        var shown = new Counter(1705, CounterScale.Kilo);
        Assert.That(ListingCounters.Column(shown, exact: false), Is.EqualTo("1705K "));
        Assert.That(ListingCounters.Column(shown, exact: true), Is.EqualTo(" 1705000 "));
        Assert.That(ListingCounters.Column(new Counter(0, CounterScale.Kilo), exact: false), Is.EqualTo("   0K "));
    }

    [TestCase("28044", 28044UL, CounterScale.Exact)]
    [TestCase("1705K", 1705UL, CounterScale.Kilo)]
    [TestCase("30M", 30UL, CounterScale.Mega)]
    [TestCase("10G", 10UL, CounterScale.Giga)]
    [TestCase("18446744T", 18446744UL, CounterScale.Tera)]
    [TestCase("18446744073709551615", 18446744073709551615UL, CounterScale.Exact)]
    public void Counter_tokens_parse(string token, ulong value, CounterScale scale)
    {
        Assert.That(ListingCounters.TryParse(token, out var counter), Is.True);
        Assert.That(counter, Is.EqualTo(new Counter(value, scale)));
    }

    [TestCase("")]
    [TestCase("K")]
    [TestCase("12x")]
    [TestCase("-1")]
    [TestCase("1.5K")]
    [TestCase("18446744073709551616")]
    public void Bad_counter_tokens_do_not_parse(string token)
    {
        Assert.That(ListingCounters.TryParse(token, out _), Is.False);
    }
}
