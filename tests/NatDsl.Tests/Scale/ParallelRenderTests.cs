using System;
using System.Linq;
using System.Text;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Scale;

/// <summary>A large table's rule lines are written on several threads: the text must be that of one pass.</summary>
public class ParallelRenderTests
{
    [Test]
    public void A_large_table_renders_rule_by_rule_in_chain_order()
    {
        var ruleSet = ScaleWorkloads.S.RuleSet;
        Assert.That(ruleSet.FindTable("nat")!.Chains.Sum(c => c.Rules.Count), Is.GreaterThan(40000), "large enough to be split");
        var expected = new StringBuilder();
        foreach (var table in ruleSet.Tables)
        {
            expected.Append('*').Append(table.Name).Append('\n');
            foreach (var chain in table.Chains) expected.Append(':').Append(chain.Name).Append(chain.IsBuiltin ? " ACCEPT" : " -").Append(" [0:0]\n");
            foreach (var chain in table.Chains)
            {
                foreach (var rule in chain.Rules) expected.Append(SaveRenderer.RenderRule(chain.Name, rule)).Append('\n');
            }
            expected.Append("COMMIT\n");
        }
        Assert.That(SaveRenderer.Render(ruleSet), Is.EqualTo(expected.ToString()));
    }

    [Test]
    public void The_first_bad_rule_in_order_is_reported_whichever_thread_meets_it()
    {
        var ruleSet = ScaleWorkloads.S.RuleSet;
        var nat = ruleSet.FindTable("nat")!;
        var chains = nat.Chains.ToList();
        var early = chains.FindIndex(c => c.Name.StartsWith("KUBE-SEP-", StringComparison.Ordinal));
        var late = chains.FindLastIndex(c => c.Name.StartsWith("KUBE-SEP-", StringComparison.Ordinal));
        Assert.That(late - early, Is.GreaterThan(5000));
        chains[early] = Broken(chains[early], "early\nbreak");
        chains[late] = Broken(chains[late], "late\nbreak");
        var tables = ruleSet.Tables.Select(t => t.Name == "nat" ? new Table("nat", chains.ToValueList()) : t).ToValueList();
        var broken = new RuleSet(ruleSet.Family, tables);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var e = Assert.Throws<InvalidOperationException>(() => SaveRenderer.Render(broken))!;
            Assert.That(e.Message, Does.Contain("early"));
            Assert.That(e.Message, Does.Not.Contain("late"));
        }
    }

    private static Chain Broken(Chain chain, string comment)
    {
        var rules = chain.Rules.ToList();
        rules[0] = rules[0] with { Matches = rules[0].Matches.Add(new CommentMatch(comment)) };
        return new Chain(chain.Name, chain.Policy, chain.Counters, rules.ToValueList());
    }
}
