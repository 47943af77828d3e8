using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

public class ValueEqualityDiffTests
{
    [Test]
    public void Marks_compare_numerically_whatever_their_written_width()
    {
        var padded = new MarkMatch(0x00004000, 0x00004000);
        var shortForm = new MarkMatch(0x4000, 0x4000);
        Assert.That(padded, Is.EqualTo(shortForm));

        var expected = Nat(Chain("KUBE-POSTROUTING", Rule(targetValue: new MasqueradeTarget(), comment: "kubernetes service traffic requiring SNAT", extra: padded)));
        var actual = Nat(Chain("KUBE-POSTROUTING", Rule(targetValue: new MasqueradeTarget(), comment: "kubernetes service traffic requiring SNAT", extra: shortForm)));
        Assert.That(RuleSetDiff.Compare(expected, actual, DiffOptions.Default).AreEqual, Is.True);
    }

    [Test]
    public void Different_marks_are_explained_in_hex()
    {
        var expected = Nat(Chain("KUBE-POSTROUTING", Rule(targetValue: VerdictTarget.Return, extra: new MarkMatch(0x4000, 0x4000, Inverted: true))));
        var actual = Nat(Chain("KUBE-POSTROUTING", Rule(targetValue: VerdictTarget.Return, extra: new MarkMatch(0x8000, 0x8000, Inverted: true))));

        Assert.That(Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default)).Single().Explanation,
            Is.EqualTo("mark ! 0x4000/0x4000 vs ! 0x8000/0x8000"));
    }

    [Test]
    public void A_host_address_without_mask_is_a_slash_32()
    {
        Assert.That(IpNetwork.Parse("10.0.0.1"), Is.EqualTo(IpNetwork.Parse("10.0.0.1/32")));
        Assert.That(IpNetwork.Parse("10.0.0.1"), Is.EqualTo(IpNetwork.Parse("10.0.0.1/255.255.255.255")));

        var expected = Nat(Chain("KUBE-SEP-X", Rule("KUBE-MARK-MASQ", source: "10.0.0.1")));
        var actual = Nat(Chain("KUBE-SEP-X", Rule("KUBE-MARK-MASQ", source: "10.0.0.1/32")));
        Assert.That(RuleSetDiff.Compare(expected, actual, DiffOptions.Default).AreEqual, Is.True);
    }

    [Test]
    public void Identical_raw_extensions_are_equal_with_one_note_per_extension()
    {
        static Rule WithRaw(string target, string text) =>
            Rule(target, extra: new RawMatch("foo", "-m foo --bar " + text, null));
        var rules = new[]
        {
            WithRaw("A", "1"),
            WithRaw("B", "2"),
            Rule(targetValue: new RawTarget("CT", "-j CT --notrack", null)),
            WithRaw("C", "3"),
        };

        var result = RuleSetDiff.Compare(Nat(Chain("X", rules)), Nat(Chain("X", rules)), DiffOptions.Default);

        Assert.That(result.AreEqual, Is.True);
        Assert.That(result.Differences.Select(d => (d.Kind, d.Chain, d.ExpectedIndex, d.Explanation)), Is.EqualTo(new[]
        {
            (DifferenceKind.OpaqueExtension, (string?)"X", (int?)0, "opaque extension match foo compared as text (equal in 3 rules)"),
            (DifferenceKind.OpaqueExtension, (string?)"X", (int?)2, "opaque extension target CT compared as text (equal in 1 rule)"),
        }));
        Assert.That(result.Differences.All(d => d.IsNote), Is.True);
    }

    [Test]
    public void Different_raw_text_is_a_rule_difference_naming_the_extension()
    {
        var expected = Nat(Chain("X", Rule("A", extra: new RawMatch("foo", "-m foo --bar 1", null))));
        var actual = Nat(Chain("X", Rule("A", extra: new RawMatch("foo", "-m foo --bar 2", null))));

        var result = RuleSetDiff.Compare(expected, actual, DiffOptions.Default);

        Assert.That(result.AreEqual, Is.False);
        var change = result.Differences.Single();
        Assert.That(change.Kind, Is.EqualTo(DifferenceKind.RuleDiffers));
        Assert.That(change.Explanation, Does.StartWith("opaque extension foo"));
        Assert.That(change.Explanation, Is.EqualTo("opaque extension foo (\"-m foo --bar 1\" vs \"-m foo --bar 2\")"));
    }

    [Test]
    public void Different_raw_target_text_is_a_rule_difference_naming_the_extension()
    {
        var expected = Nat(Chain("X", Rule(targetValue: new RawTarget("CT", "-j CT --notrack", null))));
        var actual = Nat(Chain("X", Rule(targetValue: new RawTarget("CT", "-j CT --zone 1", null))));

        Assert.That(Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default)).Single().Explanation,
            Does.StartWith("opaque extension CT"));
    }
}
