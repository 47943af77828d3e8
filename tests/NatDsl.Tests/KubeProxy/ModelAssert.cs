using System.Collections.Generic;
using System.Linq;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.KubeProxy;

/// <summary>Chain-by-chain, rule-by-rule comparison with messages that name the chain and rule.</summary>
internal static class ModelAssert
{
    public static void ChainsAre(Table table, params string[] names)
    {
        Assert.That(table.Chains.Select(c => c.Name).ToArray(), Is.EqualTo(names), "chains of table " + table.Name);
    }

    public static void RulesAre(Table table, string chain, params Rule[] expected)
    {
        var actual = table.FindChain(chain);
        Assert.That(actual, Is.Not.Null, "chain " + table.Name + "/" + chain + " exists");
        RulesAre(table.Name + "/" + chain, actual!.Rules, expected);
    }

    public static void RulesAre(string where, IReadOnlyList<Rule> actual, IReadOnlyList<Rule> expected)
    {
        for (var i = 0; i < System.Math.Min(actual.Count, expected.Count); i++)
        {
            Assert.That(actual[i], Is.EqualTo(expected[i]), where + " rule " + (i + 1));
        }
        Assert.That(actual.Count, Is.EqualTo(expected.Count), where + " rule count");
    }
}
