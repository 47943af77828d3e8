using System.Linq;
using NatDsl.Analysis.Diff;
using NatDsl.Model;
using NUnit.Framework;
using static NatDsl.Tests.Analysis.Diff.DiffTestRules;

namespace NatDsl.Tests.Analysis.Diff;

public class RuleModelDriftTests
{
    [Test]
    public void The_diff_knows_every_field_of_a_rule()
    {
        // RuleContentComparer compares these fields one by one (all but Counters). When the model
        // gains a field, add it there and here.
        var known = new[] { "Source", "Destination", "InInterface", "OutInterface", "Protocol", "Fragment", "Matches", "Target", "Counters" };

        var actual = typeof(Rule).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name);

        Assert.That(actual, Is.EquivalentTo(known));
    }

    [TestCase("source")]
    [TestCase("destination")]
    [TestCase("in")]
    [TestCase("out")]
    [TestCase("protocol")]
    [TestCase("fragment")]
    [TestCase("matches")]
    [TestCase("target")]
    public void A_change_in_any_field_is_a_difference(string field)
    {
        var rule = Rule("A", "c", source: "10.0.0.1", destination: "10.0.0.2", protocol: Tcp) with
        {
            InInterface = new Negatable<string>("eth0"),
            OutInterface = new Negatable<string>("eth1"),
            Fragment = new Negatable<bool>(true),
        };
        var changed = field switch
        {
            "source" => rule with { Source = new Negatable<IpNetwork>(IpNetwork.Parse("10.0.0.1"), true) },
            "destination" => rule with { Destination = null },
            "in" => rule with { InInterface = new Negatable<string>("eth9") },
            "out" => rule with { OutInterface = new Negatable<string>("eth1", true) },
            "protocol" => rule with { Protocol = new Negatable<int>(17) },
            "fragment" => rule with { Fragment = new Negatable<bool>(true, true) },
            "matches" => rule with { Matches = ValueList<Match>.Empty },
            _ => rule with { Target = new JumpTarget("B") },
        };

        var change = Changes(RuleSetDiff.Compare(Nat(Chain("C", rule)), Nat(Chain("C", changed)), DiffOptions.Default)).Single();

        Assert.That(change.Kind, Is.EqualTo(DifferenceKind.RuleDiffers));
    }
}
