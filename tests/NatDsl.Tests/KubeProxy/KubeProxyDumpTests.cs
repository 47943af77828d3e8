using System;
using System.Linq;
using NatDsl.Dsl;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.KubeProxy;

/// <summary>
/// The Current profile against the whole restore inputs kube-proxy's own unit tests expect
/// (TestData/kube-proxy, copied from proxier_test.go), compared the way those tests compare:
/// both sides put in sortIPTablesRules order.
/// </summary>
public class KubeProxyDumpTests
{
    private static void AssertSameRules(Action<ClusterBuilder> define, string golden)
    {
        var expected = KubeProxyTestOrder.Sort(WithoutEmptyBuiltins(SaveParser.ParseRuleSet(TestData.Read("kube-proxy", golden), golden)));
        var actual = KubeProxyTestOrder.Sort(KubeProxyCompiler.Compile(ClusterSpec.Build(define)));

        Assert.That(actual.Tables.Select(t => t.Name), Is.EqualTo(expected.Tables.Select(t => t.Name)));
        foreach (var table in expected.Tables)
        {
            var mine = actual.FindTable(table.Name)!;
            Assert.That(mine.Chains.Select(c => c.Name).ToArray(), Is.EqualTo(table.Chains.Select(c => c.Name).ToArray()), "chains of " + table.Name);
            foreach (var chain in table.Chains) ModelAssert.RulesAre(table.Name + "/" + chain.Name, mine.FindChain(chain.Name)!.Rules, chain.Rules);
        }
        Assert.That(actual, Is.EqualTo(expected));
    }

    /// <summary>The parser gives every table its built-in chains; kube-proxy's restore input declares none.</summary>
    private static RuleSet WithoutEmptyBuiltins(RuleSet rules) => rules with
    {
        Tables = rules.Tables.Select(t => t with { Chains = t.Chains.Where(c => !(c.IsBuiltin && c.Rules.Count == 0)).ToValueList() }).ToValueList(),
    };

    [Test]
    public void TestOverallIPTablesRules() => AssertSameRules(KubeProxyTestClusters.Overall, "TestOverallIPTablesRules.rules");

    [Test]
    public void TestSyncProxyRulesRepeated_first_sync() => AssertSameRules(KubeProxyTestClusters.Repeated, "TestSyncProxyRulesRepeated.first.rules");

    [Test]
    public void TestBadIPs() => AssertSameRules(KubeProxyTestClusters.BadIPs, "TestBadIPs.rules");

    [Test]
    public void The_comparison_notices_a_difference()
    {
        var expected = KubeProxyTestOrder.Sort(WithoutEmptyBuiltins(SaveParser.ParseRuleSet(TestData.Read("kube-proxy", "TestOverallIPTablesRules.rules"))));
        var changed = KubeProxyTestOrder.Sort(KubeProxyCompiler.Compile(ClusterSpec.Build(c => { KubeProxyTestClusters.Overall(c); c.MasqueradeAll(); })));
        Assert.That(changed, Is.Not.EqualTo(expected));
    }

    [Test]
    public void Service_group_order_does_not_matter_after_sorting()
    {
        var forward = KubeProxyCompiler.Compile(ClusterSpec.Build(KubeProxyTestClusters.Repeated));
        var reversed = KubeProxyCompiler.Compile(ClusterSpec.Build(c => KubeProxyTestClusters.FakeProxier(c)
            .Service("ns2/svc2", svc => svc.ClusterIP("172.30.0.42").Port("p8080", 8080, Protocol.Tcp).Endpoints(8080, "10.0.2.1"))
            .Service("ns1/svc1", svc => svc.ClusterIP("172.30.0.41").Port("p80", 80, Protocol.Tcp).Endpoints(80, "10.0.1.1"))));
        Assert.That(reversed, Is.Not.EqualTo(forward));
        Assert.That(KubeProxyTestOrder.Sort(reversed), Is.EqualTo(KubeProxyTestOrder.Sort(forward)));
    }
}
