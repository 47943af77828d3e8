using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>What the parser makes of the vectors: typed matches and targets, not raw text.</summary>
public class ListingVectorContentTests
{
    [TestCaseSource(typeof(ListingRoundTripTests), nameof(ListingRoundTripTests.ListingFiles))]
    public void Every_extension_text_of_the_vectors_is_typed(string fileName)
    {
        var document = ListingParser.Parse(TestData.Vector(fileName), fileName);
        var raw = new List<string>();
        foreach (var rule in document.Table.Chains.SelectMany(c => c.Rules))
        {
            raw.AddRange(rule.Matches.OfType<RawMatch>().Select(m => "match: " + m.ListingText));
            // CONNMARK is the one target extension of the vectors the model does not type.
            if (rule.Target is RawTarget t && t.TargetName != "CONNMARK") raw.Add("target: " + t.TargetName + " " + t.ListingText);
        }
        Assert.That(raw, Is.Empty);
    }

    [Test]
    public void Seed_rules_are_read_into_the_model()
    {
        var table = ListingParser.Parse(TestData.Seed).Table;
        var prerouting = table.FindChain("PREROUTING")!;
        Assert.That(prerouting.Policy, Is.EqualTo(ChainPolicy.Accept));
        Assert.That(prerouting.Counters, Is.EqualTo(Counters.Of(598, 37844)));
        var rule = prerouting.Rules[0];
        Assert.That(rule.Counters, Is.EqualTo(new Counters(new Counter(28044), new Counter(1705, CounterScale.Kilo))));
        Assert.That(rule.Target, Is.EqualTo(new JumpTarget("KUBE-SERVICES")));
        Assert.That(rule.Matches, Is.EqualTo(new ValueList<Match>(new Match[] { new CommentMatch("kubernetes service portals") })));
        Assert.That(rule.Protocol, Is.Null);
        Assert.That(rule.Source, Is.Null);
        Assert.That(rule.InInterface, Is.Null);

        var services = table.FindChain("KUBE-SERVICES")!.Rules[0];
        Assert.That(services.Protocol, Is.EqualTo(new Negatable<int>(6)));
        Assert.That(services.Source, Is.EqualTo(new Negatable<IpNetwork>(IpNetwork.Parse("10.254.0.0/16"), Inverted: true)));
        Assert.That(services.Destination, Is.EqualTo(new Negatable<IpNetwork>(IpNetwork.Parse("10.254.8.203"))));
        Assert.That(services.Matches[1], Is.EqualTo(new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) }));

        var sep = table.FindChain("KUBE-SEP-2ETOGMBR3D5CXS34")!.Rules[1];
        Assert.That(sep.Matches, Is.EqualTo(new ValueList<Match>(new Match[] { new TcpMatch() })));
        Assert.That(sep.Target, Is.EqualTo(new DnatTarget(NatRange.To(IpAddress.Parse("10.254.28.6"), 8080))));

        var svc = table.FindChain("KUBE-SVC-N7RVRFO6KG6JK57Y")!.Rules[1];
        Assert.That(svc.Matches[0], Is.EqualTo(StatisticMatch.Random(0.33333)));

        var postrouting = table.FindChain("KUBE-POSTROUTING")!.Rules[0];
        Assert.That(postrouting.Target, Is.EqualTo(new MasqueradeTarget()));
        Assert.That(postrouting.Matches[1], Is.EqualTo(new MarkMatch(0x4000, 0x4000)));
        Assert.That(table.FindChain("KUBE-MARK-MASQ")!.Rules[0].Target, Is.EqualTo(MarkTarget.Or(0x4000)));
    }

    [Test]
    public void Ip6_listing_reads_brackets_masks_and_icmpv6()
    {
        var document = ListingParser.Parse(TestData.Vector("v5-ip6-nat.legacy.L-v-n-nat.txt"));
        Assert.That(document.RuleSet.Family, Is.EqualTo(IpFamily.V6));
        var sep = document.Table.FindChain("KUBE-SEP-V6")!;
        Assert.That(sep.Rules[1].Target, Is.EqualTo(new DnatTarget(NatRange.To(IpAddress.Parse("fd00:10:244:1::5"), 8080))));
        Assert.That(sep.Rules[2].Target, Is.EqualTo(new DnatTarget(NatRange.To(IpAddress.Parse("fd00:10:244:1::6")))));
        var services = document.Table.FindChain("KUBE-SERVICES")!;
        Assert.That(services.Rules[2].Source!.Value, Is.EqualTo(IpNetwork.Parse("2001:db8::/ffff:ffff:0:ffff::")));
        var filter = ListingParser.Parse(TestData.Vector("v5-ip6-nat.legacy.L-v-n-filter.txt")).Table;
        Assert.That(filter.FindChain("INPUT")!.Rules[1].Matches[0], Is.EqualTo(new IcmpMatch(128, V6: true)));
        Assert.That(filter.FindChain("INPUT")!.Rules[4].Target, Is.EqualTo(new RejectTarget("icmp6-port-unreachable")));
    }
}
