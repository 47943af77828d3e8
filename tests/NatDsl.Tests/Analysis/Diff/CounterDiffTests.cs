using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

public class CounterDiffTests
{
    // The observed xtables_print_num outputs of iptables 1.8.9 (iptables-formats.md §2.5).
    [TestCase(0UL, 0UL, CounterScale.Exact)]
    [TestCase(999UL, 999UL, CounterScale.Exact)]
    [TestCase(99_999UL, 99_999UL, CounterScale.Exact)]
    [TestCase(100_000UL, 100UL, CounterScale.Kilo)]
    [TestCase(100_499UL, 100UL, CounterScale.Kilo)]
    [TestCase(100_500UL, 101UL, CounterScale.Kilo)]
    [TestCase(999_500UL, 1000UL, CounterScale.Kilo)]
    [TestCase(1_499_500UL, 1500UL, CounterScale.Kilo)]
    [TestCase(1_705_000UL, 1705UL, CounterScale.Kilo)]
    [TestCase(9_999_499UL, 9999UL, CounterScale.Kilo)]
    [TestCase(9_999_500UL, 10UL, CounterScale.Mega)]
    [TestCase(10_499_500UL, 11UL, CounterScale.Mega)]
    [TestCase(30_000_000UL, 30UL, CounterScale.Mega)]
    [TestCase(999_999_999UL, 1000UL, CounterScale.Mega)]
    [TestCase(9_999_500_000UL, 10UL, CounterScale.Giga)]
    [TestCase(1_000_000_000_000UL, 1000UL, CounterScale.Giga)]
    [TestCase(9_999_999_999_999_999UL, 10000UL, CounterScale.Tera)]
    [TestCase(18_446_744_073_709_551_115UL, 18_446_744UL, CounterScale.Tera)]
    [TestCase(18_446_744_073_709_551_116UL, 0UL, CounterScale.Kilo)]
    [TestCase(ulong.MaxValue, 0UL, CounterScale.Kilo)]
    public void Shown_value_follows_xtables_print_num(ulong exact, ulong shown, CounterScale scale)
    {
        Assert.That(CounterEquivalence.Shown(exact), Is.EqualTo(new Counter(shown, scale)));
    }

    [Test]
    public void Rounded_counters_equal_exact_counters_that_show_the_same()
    {
        var shown = new Counter(1705, CounterScale.Kilo);

        Assert.That(CounterEquivalence.Equivalent(shown, new Counter(1_705_000)), Is.True);
        Assert.That(CounterEquivalence.Equivalent(new Counter(1_704_500), shown), Is.True);
        Assert.That(CounterEquivalence.Equivalent(shown, new Counter(1_705_499)), Is.True);
        Assert.That(CounterEquivalence.Equivalent(shown, new Counter(1_705_500)), Is.False);
        Assert.That(CounterEquivalence.Equivalent(shown, new Counter(1_704_499)), Is.False);
        Assert.That(CounterEquivalence.Equivalent(shown, new Counter(1705)), Is.False);
        Assert.That(CounterEquivalence.Equivalent(shown, new Counter(1705, CounterScale.Mega)), Is.False);
        Assert.That(CounterEquivalence.Equivalent(new Counter(99_999), new Counter(99_999)), Is.True);
        Assert.That(CounterEquivalence.Equivalent((Counters?)null, Counters.Of(1, 2)), Is.True);
    }

    [Test]
    public void Listing_counters_compare_equal_to_exact_counters_in_a_diff()
    {
        // The seed listing shows PREROUTING's rule as "28044 1705K" and OUTPUT's policy bytes as "418K".
        var expected = Seed();
        var nat = expected.FindTable("nat")!;
        var prerouting = nat.FindChain("PREROUTING")!;
        var output = nat.FindChain("OUTPUT")!;
        var exact = Set(nat with
        {
            Chains = nat.Chains
                .SetItem(0, prerouting with { Rules = prerouting.Rules.SetItem(0, prerouting.Rules[0].WithCounters(Counters.Of(28044, 1_705_321))) })
                .SetItem(1, output with { Counters = Counters.Of(6966, 418_061) }),
        });
        var off = Set(nat with
        {
            Chains = nat.Chains
                .SetItem(0, prerouting with { Rules = prerouting.Rules.SetItem(0, prerouting.Rules[0].WithCounters(Counters.Of(28044, 1_705_500))) })
                .SetItem(1, output with { Counters = Counters.Of(6966, 418_500) }),
        });

        Assert.That(RuleSetDiff.Compare(expected, exact, DiffOptions.Default).AreEqual, Is.True);
        var changes = Changes(RuleSetDiff.Compare(expected, off, DiffOptions.Default));
        Assert.That(changes.Select(d => (d.Kind, d.Chain, d.Explanation)), Is.EqualTo(new[]
        {
            (DifferenceKind.RuleDiffers, (string?)"PREROUTING", "counters [28044:1705K] vs [28044:1705500]"),
            (DifferenceKind.ChainCountersDiffer, (string?)"OUTPUT", "policy counters [6966:418K] vs [6966:418500]"),
        }));
    }

    [Test]
    public void Rule_counters_differ_unless_ignored()
    {
        var expected = Seed();
        var svc = expected.FindTable("nat")!.FindChain("KUBE-SVC-N7RVRFO6KG6JK57Y")!;
        var actual = ReplaceChain(expected, "nat", svc with { Rules = svc.Rules.SetItem(1, svc.Rules[1].WithCounters(Counters.Of(3, 180))) });

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));
        Assert.That(changes.Select(d => (d.Kind, d.ExpectedIndex, d.ActualIndex, d.Explanation)),
            Is.EqualTo(new[] { (DifferenceKind.RuleDiffers, (int?)1, (int?)1, "counters [1:60] vs [3:180]") }));
        Assert.That(RuleSetDiff.Compare(expected, actual, DiffOptions.Default with { IgnoreCounters = true }).AreEqual, Is.True);
    }

    [Test]
    public void Policy_and_chain_counters_differ_unless_ignored()
    {
        var expected = Set(Table("nat", Builtin("PREROUTING", ChainPolicy.Accept, Counters.Of(598, 37844)), new Chain("KUBE-X", counters: Counters.Zero)));
        var actual = Set(Table("nat", Builtin("PREROUTING", ChainPolicy.Accept, Counters.Of(600, 37990)), new Chain("KUBE-X", counters: Counters.Of(1, 1))));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.Explanation)), Is.EqualTo(new[]
        {
            (DifferenceKind.ChainCountersDiffer, "policy counters [598:37844] vs [600:37990]"),
            (DifferenceKind.ChainCountersDiffer, "chain counters [0:0] vs [1:1]"),
        }));
        Assert.That(RuleSetDiff.Compare(expected, actual, DiffOptions.Default with { IgnoreCounters = true }).AreEqual, Is.True);
    }

    [Test]
    public void Unknown_counters_are_not_a_difference()
    {
        var withCounters = Nat(Builtin("PREROUTING", ChainPolicy.Accept, Counters.Of(5, 300), Rule("KUBE-SERVICES", counters: Counters.Of(5, 300))));
        var without = Nat(Builtin("PREROUTING", ChainPolicy.Accept, null, Rule("KUBE-SERVICES")));

        Assert.That(RuleSetDiff.Compare(withCounters, without, DiffOptions.Default).AreEqual, Is.True);
    }

    [Test]
    public void A_moved_rule_with_other_counters_says_both()
    {
        var a = Rule("A", counters: Counters.Of(1, 60));
        var b = Rule("B");
        var c = Rule("C");

        var change = Changes(RuleSetDiff.Compare(Nat(Chain("X", a, b, c)), Nat(Chain("X", b, c, a.WithCounters(Counters.Of(2, 120)))), DiffOptions.Default)).Single();

        Assert.That((change.Kind, change.Explanation), Is.EqualTo((DifferenceKind.RuleMoved, "out of order; counters [1:60] vs [2:120]")));
    }
}
