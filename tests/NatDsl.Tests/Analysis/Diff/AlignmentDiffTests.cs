using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

/// <summary>Properties of the rule alignment, on random and on large chains.</summary>
public class AlignmentDiffTests
{
    private static Rule[] Letters(IEnumerable<int> letters) => letters.Select(k => Rule("T" + k)).ToArray();

    private static int LongestCommonSubsequence(int[] a, int[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }
        return table[a.Length, b.Length];
    }

    /// <summary>Each rule is reported at most once per side, and both sides leave the same number aligned.</summary>
    private static int AssertConsistent(IReadOnlyList<Difference> changes, int expectedCount, int actualCount)
    {
        var expectedIndices = changes.Where(d => d.ExpectedIndex.HasValue).Select(d => d.ExpectedIndex!.Value).ToList();
        var actualIndices = changes.Where(d => d.ActualIndex.HasValue).Select(d => d.ActualIndex!.Value).ToList();
        Assert.That(expectedIndices, Is.Unique);
        Assert.That(actualIndices, Is.Unique);
        var aligned = expectedCount - expectedIndices.Count;
        Assert.That(actualCount - actualIndices.Count, Is.EqualTo(aligned));
        return aligned;
    }

    [Test]
    public void Aligned_rules_form_a_longest_common_subsequence()
    {
        var random = new Random(20240611);
        for (var round = 0; round < 300; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(5)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(5)).ToArray();

            var changes = Changes(RuleSetDiff.Compare(Nat(Chain("C", Letters(a))), Nat(Chain("C", Letters(b))), DiffOptions.Default));

            var aligned = AssertConsistent(changes, a.Length, b.Length);
            Assert.That(aligned, Is.EqualTo(LongestCommonSubsequence(a, b)), "round " + round);
        }
    }

    [Test]
    public void Very_different_long_chains_fall_back_without_quadratic_work()
    {
        const int count = 20000;
        var expected = Letters(Enumerable.Range(0, count));
        var actual = Letters(Enumerable.Range(0, count).Reverse());

        var watch = Stopwatch.StartNew();
        var changes = Changes(RuleSetDiff.Compare(Nat(Chain("C", expected)), Nat(Chain("C", actual)), DiffOptions.Default));
        watch.Stop();

        Assert.That(AssertConsistent(changes, count, count), Is.EqualTo(1));
        Assert.That(changes.Count(d => d.Kind == DifferenceKind.RuleMoved), Is.EqualTo(count - 1));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Random_long_chains_stay_consistent()
    {
        var random = new Random(7);
        var a = Enumerable.Range(0, 6000).Select(_ => random.Next(300)).ToArray();
        var b = a.Select(x => random.Next(10) == 0 ? random.Next(300) : x).Where(_ => random.Next(20) != 0).ToArray();

        var changes = Changes(RuleSetDiff.Compare(Nat(Chain("C", Letters(a))), Nat(Chain("C", Letters(b))), DiffOptions.Default));

        AssertConsistent(changes, a.Length, b.Length);
    }

    [Test]
    public void Ten_thousand_services_diff_quickly()
    {
        const int services = 10000;
        const int endpoints = 8;
        var expected = KubeRules(services, endpoints, reverseServices: false, changedService: -1);
        var actual = KubeRules(services, endpoints, reverseServices: true, changedService: 4321);
        var ruleCount = expected.Tables.Sum(t => t.Chains.Sum(c => c.Rules.Count));
        Assert.That(ruleCount, Is.GreaterThan(280000));

        var options = DiffOptions.Default with { UnorderedServiceGroups = true };
        RuleSetDiff.Compare(Nat(Chain("KUBE-SERVICES", Rule("X"))), Nat(Chain("KUBE-SERVICES", Rule("X"))), options); // warm-up
        var watch = Stopwatch.StartNew();
        var result = RuleSetDiff.Compare(expected, actual, options);
        watch.Stop();
        TestContext.Out.WriteLine("compared " + ruleCount + " rules in " + watch.ElapsedMilliseconds + " ms");

        Assert.That(Changes(result).Select(d => (d.Kind, d.Chain, d.ExpectedIndex, d.ActualIndex)), Is.EqualTo(new[]
        {
            (DifferenceKind.RuleDiffers, (string?)"KUBE-SEP-4321-3", (int?)1, (int?)1),
        }));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "guards against quadratic behaviour, not a benchmark");
    }

    private static RuleSet KubeRules(int services, int endpoints, bool reverseServices, int changedService)
    {
        var chains = new List<Chain>();
        var serviceRules = new List<Rule>();
        var nodePortRules = new List<Rule>();
        var order = Enumerable.Range(0, services);
        foreach (var s in reverseServices ? order.Reverse() : order)
        {
            var name = "ns" + s + "/svc:http";
            var clusterIp = IpAddress.FromV4(0x0A600000u + (uint)s).ToString();
            serviceRules.AddRange(ServicePair(name, clusterIp, 80, "KUBE-SVC-" + s));
            nodePortRules.Add(Rule("KUBE-MARK-MASQ", name, protocol: Tcp, dport: 30000 + (s % 30000)));
            nodePortRules.Add(Rule("KUBE-SVC-" + s, name, protocol: Tcp, dport: 30000 + (s % 30000)));
        }
        serviceRules.Add(NodePortsTail());
        chains.Add(Chain("KUBE-SERVICES", serviceRules.ToArray()));
        chains.Add(Chain("KUBE-NODEPORTS", nodePortRules.ToArray()));
        for (var s = 0; s < services; s++)
        {
            var svc = new List<Rule>();
            for (var e = 0; e < endpoints; e++)
            {
                var sep = "KUBE-SEP-" + s + "-" + e;
                var endpoint = IpAddress.FromV4(0x0AF40000u + (uint)(s * endpoints) + (uint)e).ToString();
                svc.Add(e < endpoints - 1 ? Rule(sep, "ns" + s + "/svc:http", extra: StatisticMatch.Random(1.0 / (endpoints - e))) : Rule(sep, "ns" + s + "/svc:http"));
                var target = s == changedService && e == 3 ? "10.99.99.99" : endpoint;
                chains.Add(Chain(sep, Rule("KUBE-MARK-MASQ", "ns" + s + "/svc:http", source: endpoint), Dnat(target, 8080, "ns" + s + "/svc:http")));
            }
            chains.Add(Chain("KUBE-SVC-" + s, svc.ToArray()));
        }
        return Nat(chains.ToArray());
    }
}
