using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>Rendering models that did not come from a listing.</summary>
public class ListingRendererTests
{
    [Test]
    public void Chains_are_written_in_listing_order_whatever_the_model_order()
    {
        var text = TestData.Vector("v6-chain-order.legacy.L-v-n-nat.txt");
        var document = ListingParser.Parse(text);
        var shuffled = document.Table with { Chains = document.Table.Chains.Reverse().ToValueList() };
        Assert.That(ListingRenderer.Render(shuffled, document.Form), Is.EqualTo(text));
        var names = document.Table.Chains.Select(c => c.Name).ToArray();
        Assert.That(names, Is.EqualTo(new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING", "9chain", "Alpha", "KUBE-SEP-Z", "KUBE-SVC-A", "KUBE-SVC-B", "_under", "zeta" }));
    }

    [Test]
    public void References_are_counted_from_the_model()
    {
        var document = ListingParser.Parse(TestData.Seed);
        var services = document.Table.FindChain("KUBE-SERVICES")!;
        var fewer = document.Table with
        {
            Chains = document.Table.Chains.Select(c => c.Name == "KUBE-SERVICES" ? c with { Rules = c.Rules.RemoveAt(0) } : c).ToValueList(),
        };
        Assert.That(document.Table.ReferenceCount("KUBE-MARK-MASQ"), Is.EqualTo(18));
        Assert.That(ListingRenderer.Render(fewer, document.Form), Does.Contain("Chain KUBE-MARK-MASQ (17 references)\n"));
        Assert.That(services.Rules, Has.Count.EqualTo(13));
    }

    [Test]
    public void A_compiler_made_model_renders_with_defaults_for_what_it_lacks()
    {
        var rule = new Rule
        {
            Destination = new Negatable<IpNetwork>(IpNetwork.Parse("10.96.0.1/32")),
            Protocol = new Negatable<int>(6),
            Matches = new Match[] { new CommentMatch("default/kubernetes:https cluster IP"), new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(443)) } }.ToValueList(),
            Target = new JumpTarget("KUBE-SVC-X"),
        };
        var table = new Table("nat", new[]
        {
            new Chain("KUBE-SVC-X"),
            new Chain("KUBE-SERVICES", rules: new[] { rule }.ToValueList()),
            new Chain("PREROUTING", ChainPolicy.Accept),
        }.ToValueList());
        var text = ListingRenderer.Render(table, ListingForm.VerboseNumeric);
        Assert.That(text, Is.EqualTo(
            "Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)\n"
            + " pkts bytes target     prot opt in     out     source               destination         \n"
            + "\n"
            + "Chain KUBE-SERVICES (0 references)\n"
            + " pkts bytes target     prot opt in     out     source               destination         \n"
            + "    0     0 KUBE-SVC-X  tcp  --  *      *       0.0.0.0/0            10.96.0.1            /* default/kubernetes:https cluster IP */ tcp dpt:443\n"
            + "\n"
            + "Chain KUBE-SVC-X (1 references)\n"
            + " pkts bytes target     prot opt in     out     source               destination         \n"));
        Assert.That(ListingRenderer.Render(table, ListingForm.Numeric with { Dialect = ListingDialect.Numbers, LineNumbers = true }), Does.Contain(
            "\nnum  target     prot opt source               destination         \n"
            + "1    KUBE-SVC-X  6    --  0.0.0.0/0            10.96.0.1            /* default/kubernetes:https cluster IP */ tcp dpt:443\n"));
    }

    [Test]
    public void Long_fields_push_the_rest_of_the_line_right()
    {
        var rule = new Rule
        {
            InInterface = new Negatable<string>("veth1234567890a"),
            OutInterface = new Negatable<string>("docker0", Inverted: true),
            Source = new Negatable<IpNetwork>(IpNetwork.Parse("10.0.0.0/255.0.255.0")),
            Destination = new Negatable<IpNetwork>(IpNetwork.Parse("10.1.2.3"), Inverted: true),
            Target = new JumpTarget("A-VERY-LONG-CHAIN-NAME-28-CH", Goto: true),
        };
        var table = new Table("filter", new[] { new Chain("INPUT", ChainPolicy.Accept, Counters.Of(1, 2), new[] { rule.WithCounters(Counters.Of(100000, 18446744073709551615)) }.ToValueList()) }.ToValueList());
        var text = ListingRenderer.Render(table, ListingForm.VerboseNumeric);
        Assert.That(text.Split('\n')[2], Is.EqualTo(" 100K    0K A-VERY-LONG-CHAIN-NAME-28-CH  all  --  veth1234567890a !docker0  10.0.0.0/255.0.255.0 !10.1.2.3            [goto] "));
    }

    [Test]
    public void Render_picks_the_table_of_a_rule_set()
    {
        var document = ListingParser.Parse(TestData.Vector("v5-ip6-nat.legacy.L-n-nat.txt"));
        var ruleSet = document.RuleSet with { Tables = document.RuleSet.Tables.Add(new Table("filter")) };
        Assert.That(ListingRenderer.Render(ruleSet, "nat", document.Form), Is.EqualTo(TestData.Vector("v5-ip6-nat.legacy.L-n-nat.txt")));
        Assert.That(ListingRenderer.Render(ruleSet, "filter", document.Form), Is.Empty);
        Assert.Throws<System.ArgumentException>(() => ListingRenderer.Render(ruleSet, "raw", document.Form));
    }
}
