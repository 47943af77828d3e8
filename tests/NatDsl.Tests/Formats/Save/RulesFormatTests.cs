using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary><c>iptables -S</c> and <c>iptables -v -S</c>.</summary>
public class RulesFormatTests
{
    // Expected texts from iptables' own test 0003-list-rules (1.8.x): -c goes after -P lines and before -j/-g.
    private const string Plain = "-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N foo\n-A FORWARD -i eth23 -o eth42 -j ACCEPT\n-A FORWARD -i eth42 -o eth23 -g foo\n";
    private const string Verbose = "-P INPUT ACCEPT -c 0 0\n-P FORWARD ACCEPT -c 0 0\n-P OUTPUT ACCEPT -c 0 0\n-N foo\n-A FORWARD -i eth23 -o eth42 -c 0 0 -j ACCEPT\n-A FORWARD -i eth42 -o eth23 -c 0 0 -g foo\n";

    [Test]
    public void Plain_and_verbose_forms_round_trip()
    {
        var plain = RulesParser.Parse(Plain, "filter");
        var verbose = RulesParser.Parse(Verbose, "filter");
        Assert.That(plain.Counters, Is.False);
        Assert.That(verbose.Counters, Is.True);
        Assert.That(RulesRenderer.Render(plain), Is.EqualTo(Plain));
        Assert.That(RulesRenderer.Render(verbose), Is.EqualTo(Verbose));
        Assert.That(RulesRenderer.Render(plain.Table, new RulesRenderOptions { Counters = true }), Is.EqualTo(Verbose));
        Assert.That(RulesRenderer.Render(verbose.Table), Is.EqualTo(Plain));
    }

    [Test]
    public void Verbose_counters_are_read_into_the_model()
    {
        var document = RulesParser.Parse("-P INPUT DROP -c 10 20\n-A INPUT -s 1.2.3.4/32 -c 3 4 -j ACCEPT\n-A INPUT -d 1.2.3.4/32 -c 5 6\n", "filter");
        var input = document.Table.FindChain("INPUT")!;
        Assert.That(input.Policy, Is.EqualTo(ChainPolicy.Drop));
        Assert.That(input.Counters, Is.EqualTo(Counters.Of(10, 20)));
        Assert.That(input.Rules[0].Counters, Is.EqualTo(Counters.Of(3, 4)));
        Assert.That(RulesRenderer.Render(document), Is.EqualTo("-P INPUT DROP -c 10 20\n-P FORWARD ACCEPT -c 0 0\n-P OUTPUT ACCEPT -c 0 0\n"
            + "-A INPUT -s 1.2.3.4/32 -c 3 4 -j ACCEPT\n-A INPUT -d 1.2.3.4/32 -c 5 6\n"));
    }

    [Test]
    public void The_same_rules_read_from_save_and_from_S_are_equal()
    {
        var fromSave = SaveParser.ParseRuleSet(TestData.Vector("v2-kube-full.legacy.save-nat.txt")).FindTable("nat");
        var fromRules = RulesParser.Parse(TestData.Vector("v2-kube-full.legacy.S-nat.txt"), "nat").Table;
        // -S prints no policy counters; the save file's [0:0] are the only difference.
        var withoutCounters = fromSave! with { Chains = fromSave.Chains.Select(c => c with { Counters = null }).ToValueList() };
        Assert.That(fromRules == withoutCounters, Is.True);
        Assert.That(fromRules == fromSave, Is.False);
    }

    [Test]
    public void Table_name_is_the_callers()
    {
        var document = RulesParser.Parse("-N KUBE-X\n-A OUTPUT -j KUBE-X\n", "nat");
        Assert.That(document.Table.Name, Is.EqualTo("nat"));
        Assert.That(document.Table.FindChain("POSTROUTING"), Is.Not.Null);
    }
}
