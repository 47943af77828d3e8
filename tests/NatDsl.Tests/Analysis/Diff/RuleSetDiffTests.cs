using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

public class RuleSetDiffTests
{
    [Test]
    public void Equal_sets_built_separately_have_no_differences()
    {
        var result = RuleSetDiff.Compare(Seed(), Seed(), DiffOptions.Default);

        Assert.That(result.AreEqual, Is.True);
        Assert.That(result.Differences, Is.Empty);
    }

    [Test]
    public void A_changed_endpoint_is_one_rule_difference_that_names_the_part()
    {
        var expected = Seed();
        var actual = ReplaceChain(expected, "nat", Chain("KUBE-SEP-2ETOGMBR3D5CXS34",
            Rule("KUBE-MARK-MASQ", source: "10.254.28.6"),
            Dnat("10.254.28.9", 8080)));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes, Has.Count.EqualTo(1));
        var difference = changes[0];
        Assert.That(difference.Kind, Is.EqualTo(DifferenceKind.RuleDiffers));
        Assert.That((difference.Table, difference.Chain), Is.EqualTo(("nat", "KUBE-SEP-2ETOGMBR3D5CXS34")));
        Assert.That((difference.ExpectedIndex, difference.ActualIndex), Is.EqualTo(((int?)1, (int?)1)));
        Assert.That(difference.Expected, Is.EqualTo(expected.FindTable("nat")!.FindChain("KUBE-SEP-2ETOGMBR3D5CXS34")!.Rules[1]));
        Assert.That(difference.Actual!.Target, Is.EqualTo(new DnatTarget(NatRange.To(IpAddress.Parse("10.254.28.9"), 8080))));
        Assert.That(difference.Explanation, Is.EqualTo("target DNAT range 10.254.28.6:8080 vs 10.254.28.9:8080"));
    }

    [Test]
    public void Destination_and_target_differences_are_explained_in_rule_order()
    {
        var expected = Nat(Chain("KUBE-SERVICES", Rule("KUBE-SVC-A", "ns/a:p cluster IP", destination: "10.0.0.1", protocol: Tcp, dport: 80)));
        var actual = Nat(Chain("KUBE-SERVICES", Rule("KUBE-SVC-B", "ns/a:p cluster IP", destination: "10.0.0.2/32", protocol: Tcp, dport: 80)));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes.Single().Explanation, Is.EqualTo("destination 10.0.0.1/32 vs 10.0.0.2/32; target KUBE-SVC-A vs KUBE-SVC-B"));
    }

    [Test]
    public void Protocol_port_and_comment_differences_are_explained()
    {
        var expected = Nat(Chain("KUBE-SERVICES", Rule("KUBE-SVC-A", "ns/a:p cluster IP", protocol: Tcp, dport: 80)));
        var actual = Nat(Chain("KUBE-SERVICES", Rule("KUBE-SVC-A", "ns/a:q cluster IP", protocol: 17, dport: 8080)));

        var explanation = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default)).Single().Explanation;

        Assert.That(explanation, Is.EqualTo("protocol tcp vs udp; comment \"ns/a:p cluster IP\" vs \"ns/a:q cluster IP\"; tcp destination port 80 vs 8080"));
    }

    [Test]
    public void One_inserted_rule_in_the_middle_is_exactly_one_extra_rule()
    {
        var rules = Enumerable.Range(0, 10).Select(i => Rule("KUBE-SEP-" + i, "ns/s:p", extra: StatisticMatch.Random(1.0 / (10 - i)))).ToArray();
        var inserted = Rule("KUBE-SEP-NEW", "ns/s:p", extra: StatisticMatch.Random(0.125));
        var expected = Nat(Chain("KUBE-SVC-X", rules));
        var actual = Nat(Chain("KUBE-SVC-X", rules.Take(5).Append(inserted).Concat(rules.Skip(5)).ToArray()));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes, Has.Count.EqualTo(1));
        Assert.That(changes[0].Kind, Is.EqualTo(DifferenceKind.RuleExtra));
        Assert.That(changes[0].ActualIndex, Is.EqualTo(5));
        Assert.That(changes[0].ExpectedIndex, Is.Null);
        Assert.That(changes[0].Actual, Is.EqualTo(inserted));
    }

    [Test]
    public void One_removed_rule_is_exactly_one_missing_rule()
    {
        var expected = Seed();
        var services = SeedServices().ToList();
        services.RemoveAt(3);
        var actual = ReplaceChain(expected, "nat", Chain("KUBE-SERVICES", services.ToArray()));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.ExpectedIndex, d.ActualIndex)),
            Is.EqualTo(new[] { (DifferenceKind.RuleMissing, (int?)3, (int?)null) }));
    }

    [Test]
    public void Several_changed_rules_in_one_gap_pair_up_as_rule_differences()
    {
        var expected = Nat(Chain("KUBE-SERVICES", SeedServices()));
        var changed = SeedServices();
        changed[2] = changed[2] with { Destination = new Negatable<IpNetwork>(IpNetwork.Parse("10.254.212.226")) };
        changed[3] = changed[3] with { Destination = new Negatable<IpNetwork>(IpNetwork.Parse("10.254.212.226")) };
        changed[4] = changed[4] with { Target = new JumpTarget("KUBE-SVC-OTHER") };
        var actual = Nat(Chain("KUBE-SERVICES", changed));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.ExpectedIndex, d.ActualIndex)), Is.EqualTo(new[]
        {
            (DifferenceKind.RuleDiffers, (int?)2, (int?)2),
            (DifferenceKind.RuleDiffers, (int?)3, (int?)3),
            (DifferenceKind.RuleDiffers, (int?)4, (int?)4),
        }));
        Assert.That(changes[4 - 2].Explanation, Is.EqualTo("target KUBE-MARK-MASQ vs KUBE-SVC-OTHER"));
    }

    [Test]
    public void Unrelated_replacements_stay_missing_and_extra()
    {
        var expected = Nat(Chain("C",
            Rule("A", "first"), Rule("KUBE-MARK-MASQ", source: "10.0.0.1"), Rule("KUBE-MARK-MASQ", source: "10.0.0.2"), Rule("Z", "last")));
        var actual = Nat(Chain("C",
            Rule("A", "first"), Rule(targetValue: VerdictTarget.Accept, destination: "192.168.0.1"), Rule(targetValue: VerdictTarget.Drop, protocol: 17), Rule("Z", "last")));

        var kinds = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default)).Select(d => d.Kind);

        Assert.That(kinds, Is.EqualTo(new[] { DifferenceKind.RuleMissing, DifferenceKind.RuleMissing, DifferenceKind.RuleExtra, DifferenceKind.RuleExtra }));
    }

    [Test]
    public void A_rule_out_of_order_is_one_moved_rule()
    {
        var rules = SeedServices();
        var reordered = rules.ToList();
        var moved = reordered[1];
        reordered.RemoveAt(1);
        reordered.Insert(6, moved);

        var changes = Changes(RuleSetDiff.Compare(Nat(Chain("KUBE-SERVICES", rules)), Nat(Chain("KUBE-SERVICES", reordered.ToArray())), DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.ExpectedIndex, d.ActualIndex)), Is.EqualTo(new[] { (DifferenceKind.RuleMoved, (int?)1, (int?)6) }));
        Assert.That(changes[0].Explanation, Is.EqualTo("out of order"));
    }

    [Test]
    public void A_moved_chain_is_equal_by_default_and_reported_on_request()
    {
        var expected = Seed();
        var nat = expected.FindTable("nat")!;
        var chains = nat.Chains.ToList();
        var sep = chains[5];
        chains.RemoveAt(5);
        chains.Insert(1, sep);
        var actual = Set(nat with { Chains = chains.ToValueList() });

        Assert.That(RuleSetDiff.Compare(expected, actual, DiffOptions.Default).AreEqual, Is.True);
        var ordered = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default with { IgnoreChainOrder = false }));
        Assert.That(ordered.Select(d => (d.Kind, d.Chain, d.ExpectedIndex, d.ActualIndex)),
            Is.EqualTo(new[] { (DifferenceKind.ChainMoved, (string?)"KUBE-SEP-2ETOGMBR3D5CXS34", (int?)5, (int?)1) }));
        Assert.That(ordered[0].Explanation, Is.EqualTo("chain 6 in expected, 2 in actual"));
    }

    [Test]
    public void Missing_and_extra_chains_and_tables_are_reported_by_name()
    {
        var expected = Set(Table("nat", Chain("A", Rule("B")), Chain("B", Rule("C"))), Table("raw"));
        var actual = Set(Table("nat", Chain("A", Rule("B")), Chain("C", Rule("D"), Rule("E"))), Table("filter", Chain("INPUT")));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.Table, d.Chain, d.Explanation)), Is.EqualTo(new[]
        {
            (DifferenceKind.ChainMissing, "nat", (string?)"B", "only in expected (1 rule)"),
            (DifferenceKind.ChainExtra, "nat", (string?)"C", "only in actual (2 rules)"),
            (DifferenceKind.TableMissing, "raw", (string?)null, "only in expected (0 chains)"),
            (DifferenceKind.TableExtra, "filter", (string?)null, "only in actual (1 chain)"),
        }));
    }

    [Test]
    public void A_policy_change_is_reported()
    {
        var expected = Set(Table("filter", Builtin("FORWARD", ChainPolicy.Accept, null), Chain("KUBE-FORWARD")));
        var actual = Set(Table("filter", Builtin("FORWARD", ChainPolicy.Drop, null), Builtin("KUBE-FORWARD", ChainPolicy.Accept, null)));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.Chain, d.Explanation)), Is.EqualTo(new[]
        {
            (DifferenceKind.PolicyDiffers, (string?)"FORWARD", "policy ACCEPT vs DROP"),
            (DifferenceKind.PolicyDiffers, (string?)"KUBE-FORWARD", "policy none (user-defined chain) vs ACCEPT"),
        }));
    }

    [Test]
    public void Family_difference_is_reported()
    {
        var result = RuleSetDiff.Compare(new RuleSet(IpFamily.V4), new RuleSet(IpFamily.V6), DiffOptions.Default);

        Assert.That(Changes(result).Single().Kind, Is.EqualTo(DifferenceKind.FamilyDiffers));
    }

    [Test]
    public void Match_present_on_one_side_only_is_named()
    {
        var expected = Nat(Chain("KUBE-SEP-X", Rule("KUBE-MARK-MASQ", source: "10.0.0.1")));
        var actual = Nat(Chain("KUBE-SEP-X", Rule("KUBE-MARK-MASQ", "ns/a:p", source: "10.0.0.1")));

        Assert.That(Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default)).Single().Explanation,
            Is.EqualTo("match comment only in actual"));
    }

    [Test]
    public void Match_order_alone_is_a_difference()
    {
        var comment = new CommentMatch("c");
        var tcp = new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) };
        var expected = Nat(Chain("C", new Rule { Matches = new Match[] { comment, tcp }.ToValueList(), Target = new JumpTarget("X") }));
        var actual = Nat(Chain("C", new Rule { Matches = new Match[] { tcp, comment }.ToValueList(), Target = new JumpTarget("X") }));

        Assert.That(Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default)).Single().Explanation, Is.EqualTo("match order differs"));
    }

    [Test]
    public void Duplicate_rules_align_by_occurrence()
    {
        var a = Rule("A");
        var b = Rule("B");
        var changes = Changes(RuleSetDiff.Compare(Nat(Chain("C", a, b)), Nat(Chain("C", a, b, a)), DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.ActualIndex)), Is.EqualTo(new[] { (DifferenceKind.RuleExtra, (int?)2) }));
    }

    [Test]
    public void Normalize_is_applied_to_both_sides_before_comparing()
    {
        static RuleSet WithoutComments(RuleSet set) => set with
        {
            Tables = set.Tables.Select(t => t with
            {
                Chains = t.Chains.Select(c => c with
                {
                    Rules = c.Rules.Select(r => r with { Matches = r.Matches.Where(m => m is not CommentMatch).ToValueList() }).ToValueList(),
                }).ToValueList(),
            }).ToValueList(),
        };
        var expected = Nat(Chain("C", Rule("X", "one comment")));
        var actual = Nat(Chain("C", Rule("X", "another comment")));

        Assert.That(RuleSetDiff.Compare(expected, actual, DiffOptions.Default).AreEqual, Is.False);
        var result = RuleSetDiff.Compare(expected, actual, DiffOptions.Default with { Normalize = WithoutComments });
        Assert.That(result.AreEqual, Is.True);
        Assert.That(result.Expected, Is.EqualTo(WithoutComments(expected)));
    }

    [Test]
    public void Differences_list_the_table_chain_and_positions_in_walk_order()
    {
        var expected = Set(
            Table("filter", Chain("F", Rule("A"), Rule("B"))),
            Table("nat", Chain("N1", Rule("A")), Chain("N2", Rule("A"), Rule("B"))));
        var actual = Set(
            Table("nat", Chain("N2", Rule("B")), Chain("N1", Rule("A"), Rule("Q"))),
            Table("filter", Chain("F", Rule("A"), Rule("B"))));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, DiffOptions.Default));

        Assert.That(changes.Select(d => (d.Kind, d.Table, d.Chain, d.ExpectedIndex, d.ActualIndex)), Is.EqualTo(new[]
        {
            (DifferenceKind.RuleExtra, "nat", (string?)"N1", (int?)null, (int?)1),
            (DifferenceKind.RuleMissing, "nat", (string?)"N2", (int?)0, (int?)null),
        }));
    }
}
