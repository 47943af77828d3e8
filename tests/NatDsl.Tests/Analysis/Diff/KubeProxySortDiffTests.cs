using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

/// <summary>
/// The equivalence of kube-proxy's <c>sortIPTablesRules</c>, on rules shaped like that helper's
/// own test case (services ns1…ns4, a filter and a nat table, the nodeports tail rule).
/// </summary>
public class KubeProxySortDiffTests
{
    private static Rule Svc(string comment, string destination, string target) =>
        Rule(target, comment, destination: destination, protocol: Tcp, dport: 80);

    private static readonly Rule Ns1Cluster = Svc("ns1/svc1:p80 cluster IP", "172.30.0.41", "KUBE-SVC-XPGD46QRK7WJZT7O");
    private static readonly Rule Ns2Cluster = Svc("ns2/svc2:p80 cluster IP", "172.30.0.42", "KUBE-SVC-GNZBNJ2PO5MGZ6GT");
    private static readonly Rule Ns2External = Svc("ns2/svc2:p80 external IP", "192.168.99.11", "KUBE-EXT-GNZBNJ2PO5MGZ6GT");
    private static readonly Rule Ns2Balancer = Svc("ns2/svc2:p80 loadbalancer IP", "1.2.3.4", "KUBE-FW-GNZBNJ2PO5MGZ6GT");
    private static readonly Rule Ns3Cluster = Svc("ns3/svc3:p80 cluster IP", "172.30.0.43", "KUBE-SVC-X27LE4BHSL4DOUIK");
    private static readonly Rule Ns4Cluster = Svc("ns4/svc4:p80 cluster IP", "172.30.0.44", "KUBE-SVC-4SW47YFZTEDKD3PK");
    private static readonly Rule Ns4External = Svc("ns4/svc4:p80 external IP", "192.168.99.22", "KUBE-SVC-4SW47YFZTEDKD3PK");
    private static readonly Rule Ns2NodePort = Rule("KUBE-EXT-GNZBNJ2PO5MGZ6GT", "ns2/svc2:p80", protocol: Tcp, dport: 3001);
    private static readonly Rule Ns3NodePort = Rule("KUBE-SVC-X27LE4BHSL4DOUIK", "ns3/svc3:p80", protocol: Tcp, dport: 3002);
    private static readonly Rule HealthCheck = Rule(comment: "ns2/svc2:p80 health check node port", protocol: Tcp, dport: 30000, targetValue: VerdictTarget.Accept);
    private static readonly Rule[] External =
    {
        Rule(comment: "ns2/svc2:p80 has no local endpoints", destination: "192.168.99.22", protocol: Tcp, dport: 80, targetValue: VerdictTarget.Drop),
        Rule(comment: "ns3/svc3:p80 has no local endpoints", destination: "1.2.3.4", protocol: Tcp, dport: 80, targetValue: VerdictTarget.Drop),
    };

    /// <summary>The sorted form, as kube-proxy's tests write their expectations.</summary>
    private static RuleSet Sorted() => Set(
        Table("filter",
            Chain("KUBE-NODEPORTS", HealthCheck),
            Chain("KUBE-SERVICES"),
            Chain("KUBE-EXTERNAL-SERVICES", External),
            Chain("KUBE-FORWARD", Rule(targetValue: VerdictTarget.Drop, extra: new ConntrackMatch { State = new Negatable<ConntrackStates>(ConntrackStates.Invalid) }))),
        Table("nat",
            Chain("KUBE-NODEPORTS", Ns2NodePort, Ns3NodePort),
            Chain("KUBE-SERVICES", Ns1Cluster, Ns2Cluster, Ns2External, Ns2Balancer, Ns3Cluster, Ns4Cluster, Ns4External, NodePortsTail()),
            Chain("KUBE-MARK-MASQ", Rule(targetValue: MarkTarget.Or(0x4000)))));

    /// <summary>What the proxier wrote, in map order: tables, chains and services shuffled, the tail rule in the middle.</summary>
    private static RuleSet Generated(Rule[]? natServices = null, Rule[]? external = null) => Set(
        Table("nat",
            Chain("KUBE-SERVICES", natServices ?? new[] { Ns4Cluster, Ns4External, NodePortsTail(), Ns2Cluster, Ns2External, Ns2Balancer, Ns1Cluster, Ns3Cluster }),
            Chain("KUBE-MARK-MASQ", Rule(targetValue: MarkTarget.Or(0x4000), counters: Counters.Of(4, 240))),
            Chain("KUBE-NODEPORTS", Ns3NodePort, Ns2NodePort)),
        Table("filter",
            Chain("KUBE-SERVICES"),
            Chain("KUBE-EXTERNAL-SERVICES", external ?? External),
            Chain("KUBE-FORWARD", Rule(targetValue: VerdictTarget.Drop, extra: new ConntrackMatch { State = new Negatable<ConntrackStates>(ConntrackStates.Invalid) })),
            Chain("KUBE-NODEPORTS", HealthCheck)));

    [Test]
    public void Generated_rules_equal_the_sorted_expectation_under_the_preset()
    {
        Assert.That(RuleSetDiff.Compare(Sorted(), Generated(), DiffOptions.KubeProxyTests).AreEqual, Is.True);
        Assert.That(RuleSetDiff.Compare(Generated(), Sorted(), DiffOptions.KubeProxyTests).AreEqual, Is.True);
    }

    [Test]
    public void Generated_rules_differ_from_the_sorted_expectation_by_default()
    {
        var changes = Changes(RuleSetDiff.Compare(Sorted(), Generated(), DiffOptions.Default));

        // nat KUBE-SERVICES keeps ns2's three rules and ns3 in order: ns1, ns4 (2) and the tail moved;
        // nat KUBE-NODEPORTS: one of its two rules moved. KUBE-MARK-MASQ's counters are unknown on one side.
        Assert.That(changes.Select(d => (d.Kind, d.Chain)), Is.EqualTo(new[]
        {
            (DifferenceKind.RuleMoved, (string?)"KUBE-NODEPORTS"),
            (DifferenceKind.RuleMoved, (string?)"KUBE-SERVICES"),
            (DifferenceKind.RuleMoved, (string?)"KUBE-SERVICES"),
            (DifferenceKind.RuleMoved, (string?)"KUBE-SERVICES"),
            (DifferenceKind.RuleMoved, (string?)"KUBE-SERVICES"),
        }));
    }

    [Test]
    public void The_preset_keeps_the_order_of_rules_of_one_service()
    {
        var generated = Generated(new[] { Ns1Cluster, Ns2External, Ns2Cluster, Ns2Balancer, Ns3Cluster, Ns4Cluster, Ns4External, NodePortsTail() });

        var changes = Changes(RuleSetDiff.Compare(Sorted(), generated, DiffOptions.KubeProxyTests));

        Assert.That(changes.Select(d => (d.Kind, d.Table, d.Chain)), Is.EqualTo(new[] { (DifferenceKind.RuleMoved, "nat", (string?)"KUBE-SERVICES") }));
    }

    [Test]
    public void The_preset_does_not_sort_the_external_services_chain()
    {
        var changes = Changes(RuleSetDiff.Compare(Sorted(), Generated(external: External.Reverse().ToArray()), DiffOptions.KubeProxyTests));

        Assert.That(changes.Select(d => (d.Kind, d.Chain)), Is.EqualTo(new[] { (DifferenceKind.RuleMoved, (string?)"KUBE-EXTERNAL-SERVICES") }));
    }

    [Test]
    public void The_preset_sorts_by_service_name_whatever_the_comment_style()
    {
        // kube-proxy's own case "correctly match same service name in different styles of comments".
        Rule Line(string comment, string target) => Rule(target, comment);
        var svc1 = new[] { Line("ns1/svc1:p80 cluster IP", "L1"), Line("ns1/svc1", "L2"), Line("ns1/svc1 blah", "L3") };
        var svc2 = new[] { Line("ns2/svc2:p80 cluster IP", "L1"), Line("ns2/svc2", "L2"), Line("ns2/svc2 blah", "L3") };
        var svc4 = new[] { Line("ns4/svc4", "L1"), Line("ns4/svc4:p80 cluster IP", "L2"), Line("ns4/svc4 blah", "L3") };
        var generated = Nat(Chain("KUBE-SERVICES", svc2.Concat(svc1).Concat(svc4).ToArray()));
        var sorted = Nat(Chain("KUBE-SERVICES", svc1.Concat(svc2).Concat(svc4).ToArray()));

        Assert.That(RuleSetDiff.Compare(sorted, generated, DiffOptions.KubeProxyTests).AreEqual, Is.True);
        Assert.That(RuleSetDiff.Compare(sorted, generated, DiffOptions.Default).AreEqual, Is.False);
    }

    [Test]
    public void The_must_be_last_rule_is_last_only_in_the_nat_services_chain()
    {
        var barrier = Rule(targetValue: VerdictTarget.Return, protocol: Tcp);
        RuleSet In(string table, params Rule[] rules) => Set(Table(table, Chain("KUBE-SERVICES", rules)));

        // nat: the tail rule goes last, past the uncommented rule (the Go comparator says so).
        Assert.That(RuleSetDiff.Compare(In("nat", barrier, Ns1Cluster, NodePortsTail()), In("nat", NodePortsTail(), barrier, Ns1Cluster), DiffOptions.KubeProxyTests).AreEqual, Is.True);
        // filter: it is an ordinary commented rule (key "kubernetes") and cannot cross the barrier.
        Assert.That(RuleSetDiff.Compare(In("filter", barrier, Ns1Cluster, NodePortsTail()), In("filter", NodePortsTail(), barrier, Ns1Cluster), DiffOptions.KubeProxyTests).AreEqual, Is.False);
        Assert.That(RuleSetDiff.Compare(In("filter", barrier, Ns1Cluster, NodePortsTail()), In("filter", barrier, NodePortsTail(), Ns1Cluster), DiffOptions.KubeProxyTests).AreEqual, Is.True);
    }

    [Test]
    public void Different_ports_of_one_service_keep_their_order_under_the_preset_but_not_under_groups()
    {
        var p80 = Rule("KUBE-SVC-A", "ns/a:p80 cluster IP");
        var p443 = Rule("KUBE-SVC-B", "ns/a:p443 cluster IP");

        Assert.That(RuleSetDiff.Compare(Nat(Chain("KUBE-SERVICES", p80, p443)), Nat(Chain("KUBE-SERVICES", p443, p80)), DiffOptions.KubeProxyTests).AreEqual, Is.False);
        Assert.That(RuleSetDiff.Compare(Nat(Chain("KUBE-SERVICES", p80, p443)), Nat(Chain("KUBE-SERVICES", p443, p80)), DiffOptions.Default with { UnorderedServiceGroups = true }).AreEqual, Is.True);
    }
}
