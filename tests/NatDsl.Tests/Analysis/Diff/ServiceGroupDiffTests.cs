using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

public class ServiceGroupDiffTests
{
    private static readonly DiffOptions Unordered = DiffOptions.Default with { UnorderedServiceGroups = true };

    // Seed order: my-nginx (0,1), dnsutils-ds (2,3), service-test (4,5), kubernetes (6,7), tail (8).
    private static Rule[] Services(params int[] order)
    {
        var rules = SeedServices();
        return order.Select(i => rules[i]).ToArray();
    }

    [Test]
    public void Reordered_service_groups_are_equal_only_when_groups_are_unordered()
    {
        var expected = Nat(Chain("KUBE-SERVICES", Services(0, 1, 2, 3, 4, 5, 6, 7, 8)));
        var actual = Nat(Chain("KUBE-SERVICES", Services(4, 5, 6, 7, 0, 1, 2, 3, 8)));

        var strict = RuleSetDiff.Compare(expected, actual, DiffOptions.Default);
        Assert.That(strict.AreEqual, Is.False);
        Assert.That(strict.Differences.Select(d => d.Kind).Distinct(), Is.EqualTo(new[] { DifferenceKind.RuleMoved }));
        Assert.That(RuleSetDiff.Compare(expected, actual, Unordered).AreEqual, Is.True);
    }

    [Test]
    public void The_nodeports_rule_must_stay_last()
    {
        var expected = Nat(Chain("KUBE-SERVICES", Services(0, 1, 2, 3, 4, 5, 6, 7, 8)));
        var actual = Nat(Chain("KUBE-SERVICES", Services(0, 1, 2, 3, 8, 4, 5, 6, 7)));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, Unordered));

        Assert.That(changes, Is.Not.Empty);
        Assert.That(changes.All(d => d.Kind == DifferenceKind.RuleMoved), Is.True);
    }

    [Test]
    public void Order_inside_a_group_still_counts()
    {
        var expected = Nat(Chain("KUBE-SERVICES", Services(0, 1, 2, 3, 4, 5, 6, 7, 8)));
        var actual = Nat(Chain("KUBE-SERVICES", Services(6, 7, 0, 1, 3, 2, 4, 5, 8)));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, Unordered));

        Assert.That(changes.Select(d => (d.Kind, d.ExpectedIndex, d.ActualIndex)), Is.EqualTo(new[] { (DifferenceKind.RuleMoved, (int?)2, (int?)5) }));
    }

    [Test]
    public void A_real_change_in_a_reordered_chain_is_reported_at_the_original_positions()
    {
        var expected = Nat(Chain("KUBE-SERVICES", Services(0, 1, 2, 3, 4, 5, 6, 7, 8)));
        var actualRules = Services(6, 7, 4, 5, 0, 1, 2, 3, 8);
        actualRules[3] = actualRules[3] with { Target = new JumpTarget("KUBE-SVC-CHANGED") };
        var actual = Nat(Chain("KUBE-SERVICES", actualRules));

        var changes = Changes(RuleSetDiff.Compare(expected, actual, Unordered));

        Assert.That(changes.Select(d => (d.Kind, d.ExpectedIndex, d.ActualIndex, d.Explanation)), Is.EqualTo(new[]
        {
            (DifferenceKind.RuleDiffers, (int?)5, (int?)3, "target KUBE-SVC-N7RVRFO6KG6JK57Y vs KUBE-SVC-CHANGED"),
        }));
    }

    [Test]
    public void Nodeport_external_and_firewall_chains_have_unordered_groups()
    {
        static Rule NodePort(string service, int port, string target) =>
            Rule(target, service, protocol: Tcp, dport: port);
        static Rule Reject(string comment, string destination) =>
            Rule(comment: comment, destination: destination, protocol: Tcp, dport: 80, targetValue: new RejectTarget());
        var nodePorts = new[]
        {
            NodePort("kys/dnsutils-ds:http", 34573, "KUBE-MARK-MASQ"), NodePort("kys/dnsutils-ds:http", 34573, "KUBE-SVC-Z3R3N3G6T6ZAFB4A"),
            NodePort("kys/web:http", 30080, "KUBE-MARK-MASQ"), NodePort("kys/web:http", 30080, "KUBE-SVC-WEB"),
        };
        var external = new[] { Reject("ns/a:http has no endpoints", "203.0.113.1"), Reject("ns/b:http has no endpoints", "203.0.113.2") };
        var firewall = new[]
        {
            Reject("ns5/svc5:p80 traffic not accepted by KUBE-FW-NUKIZ6OKUXPJNT4C", "5.6.7.8"),
            Reject("ns6/svc6:p80 traffic not accepted by KUBE-FW-AAAAAAAAAAAAAAAA", "5.6.7.9"),
        };
        var expected = Set(
            Table("filter", Chain("KUBE-EXTERNAL-SERVICES", external), Chain("KUBE-PROXY-FIREWALL", firewall)),
            Table("nat", Chain("KUBE-NODEPORTS", nodePorts)));
        var actual = Set(
            Table("filter", Chain("KUBE-EXTERNAL-SERVICES", external.Reverse().ToArray()), Chain("KUBE-PROXY-FIREWALL", firewall.Reverse().ToArray())),
            Table("nat", Chain("KUBE-NODEPORTS", nodePorts.Skip(2).Concat(nodePorts.Take(2)).ToArray())));

        Assert.That(RuleSetDiff.Compare(expected, actual, DiffOptions.Default).Changes.Count(), Is.EqualTo(4));
        Assert.That(RuleSetDiff.Compare(expected, actual, Unordered).AreEqual, Is.True);
    }

    [Test]
    public void Other_chains_stay_ordered()
    {
        var rules = new[] { Rule("KUBE-SEP-A", "ns/a:p", extra: StatisticMatch.Random(0.5)), Rule("KUBE-SEP-B", "ns/b:p") };

        var result = RuleSetDiff.Compare(Nat(Chain("KUBE-SVC-X", rules)), Nat(Chain("KUBE-SVC-X", rules.Reverse().ToArray())), Unordered);

        Assert.That(result.AreEqual, Is.False);
    }

    [Test]
    public void An_uncommented_masquerade_jump_belongs_to_the_group_after_it()
    {
        var a = new[] { Rule("KUBE-MARK-MASQ", destination: "10.0.0.1", sourceInverted: true, source: "10.244.0.0/16"), Rule("KUBE-SVC-A", "ns/a:p cluster IP", destination: "10.0.0.1") };
        var b = new[] { Rule("KUBE-MARK-MASQ", destination: "10.0.0.2", sourceInverted: true, source: "10.244.0.0/16"), Rule("KUBE-SVC-B", "ns/b:p cluster IP", destination: "10.0.0.2") };

        var result = RuleSetDiff.Compare(Nat(Chain("KUBE-SERVICES", a.Concat(b).ToArray())), Nat(Chain("KUBE-SERVICES", b.Concat(a).ToArray())), Unordered);

        Assert.That(result.AreEqual, Is.True);
    }

    [Test]
    public void Rules_of_no_service_are_fixed_barriers()
    {
        var a = Rule("KUBE-SVC-A", "ns/a:p cluster IP");
        var b = Rule("KUBE-SVC-B", "ns/b:p cluster IP");
        var barrier = Rule(targetValue: VerdictTarget.Return, protocol: Tcp);

        Assert.That(RuleSetDiff.Compare(Nat(Chain("KUBE-SERVICES", a, barrier, b)), Nat(Chain("KUBE-SERVICES", b, barrier, a)), Unordered).AreEqual, Is.False);
        Assert.That(RuleSetDiff.Compare(Nat(Chain("KUBE-SERVICES", a, b, barrier)), Nat(Chain("KUBE-SERVICES", b, a, barrier)), Unordered).AreEqual, Is.True);
    }
}
