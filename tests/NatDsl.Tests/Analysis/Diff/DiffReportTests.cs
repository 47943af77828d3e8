using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

public class DiffReportTests
{
    [Test]
    public void Equal_sets_report_one_line()
    {
        var report = DiffReport.Render(RuleSetDiff.Compare(Seed(), Seed(), DiffOptions.Default), Format);

        Assert.That(report, Is.EqualTo("rule sets are equal\n"));
    }

    [Test]
    public void Report_groups_by_table_and_chain_with_expected_and_actual_lines()
    {
        var expected = Set(
            Table("filter", Builtin("FORWARD", ChainPolicy.Accept, null, Rule("KUBE-FORWARD", "kubernetes forwarding rules"))),
            Table("nat",
                Chain("KUBE-SERVICES", Rule("KUBE-SVC-A", "ns/a:p cluster IP", destination: "10.0.0.1"), Rule("KUBE-NODEPORTS", "tail")),
                Chain("KUBE-SVC-A", Rule("KUBE-SEP-A", "ns/a:p")),
                Chain("KUBE-SEP-A", Rule("KUBE-MARK-MASQ", source: "10.244.0.5"), Dnat("10.244.0.5", 80))));
        var actual = Set(
            Table("filter", Builtin("FORWARD", ChainPolicy.Drop, null, Rule("KUBE-FORWARD", "kubernetes forwarding rules"))),
            Table("nat",
                Chain("KUBE-SERVICES", Rule("KUBE-SVC-A", "ns/a:p cluster IP", destination: "10.0.0.2"), Rule("KUBE-SVC-B", "ns/b:p cluster IP"), Rule("KUBE-NODEPORTS", "tail")),
                Chain("KUBE-SVC-A", Rule("KUBE-SEP-B", "ns/a:p")),
                Chain("KUBE-SEP-B", Rule("KUBE-MARK-MASQ", source: "10.244.0.6"), Dnat("10.244.0.6", 80)),
                Chain("KUBE-SVC-B", Rule(targetValue: new RawTarget("CT", "-j CT --notrack", null)))),
            Table("raw"));

        var report = DiffReport.Render(RuleSetDiff.Compare(expected, actual, DiffOptions.Default), Format);

        Assert.That(report, Is.EqualTo(
            "rule sets differ: 8 differences\n" +
            "table filter\n" +
            "  chain FORWARD\n" +
            "    policy differs: policy ACCEPT vs DROP\n" +
            "table nat\n" +
            "  chain KUBE-SERVICES\n" +
            "    rule differs (expected #1, actual #1): destination 10.0.0.1/32 vs 10.0.0.2/32\n" +
            "      - KUBE-SERVICES 10.0.0.1/32 \"ns/a:p cluster IP\" => KUBE-SVC-A\n" +
            "      + KUBE-SERVICES 10.0.0.2/32 \"ns/a:p cluster IP\" => KUBE-SVC-A\n" +
            "    extra rule (actual #2): only in actual\n" +
            "      + KUBE-SERVICES \"ns/b:p cluster IP\" => KUBE-SVC-B\n" +
            "  chain KUBE-SVC-A\n" +
            "    rule differs (expected #1, actual #1): target KUBE-SEP-A vs KUBE-SEP-B\n" +
            "      - KUBE-SVC-A \"ns/a:p\" => KUBE-SEP-A\n" +
            "      + KUBE-SVC-A \"ns/a:p\" => KUBE-SEP-B\n" +
            "  chain KUBE-SEP-A\n" +
            "    missing chain: only in expected (2 rules)\n" +
            "      - KUBE-SEP-A => KUBE-MARK-MASQ\n" +
            "      - KUBE-SEP-A => DNAT\n" +
            "  chain KUBE-SEP-B\n" +
            "    extra chain: only in actual (2 rules)\n" +
            "      + KUBE-SEP-B => KUBE-MARK-MASQ\n" +
            "      + KUBE-SEP-B => DNAT\n" +
            "  chain KUBE-SVC-B\n" +
            "    extra chain: only in actual (1 rule)\n" +
            "      + KUBE-SVC-B => CT\n" +
            "table raw\n" +
            "  extra table: only in actual (0 chains)\n"));
    }

    [Test]
    public void Notes_are_listed_with_the_rule_where_they_were_first_seen()
    {
        var rules = Nat(Chain("X", Rule("A", extra: new RawMatch("foo", "-m foo", null))));

        var report = DiffReport.Render(RuleSetDiff.Compare(rules, rules, DiffOptions.Default), Format);

        Assert.That(report, Is.EqualTo(
            "rule sets are equal (1 note)\n" +
            "table nat\n" +
            "  chain X\n" +
            "    note (expected #1, actual #1): opaque extension match foo compared as text (equal in 1 rule)\n" +
            "      - X => A\n"));
    }
}
