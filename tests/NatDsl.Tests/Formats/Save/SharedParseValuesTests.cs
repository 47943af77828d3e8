using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>
/// The save parser shares immutable values that repeat across a dump (networks, port ranges,
/// statistic and tcp matches, whole match lists) and reads the usual addresses and ports without
/// making strings. Equal values must be one instance, different ones must never be confused
/// (not even when they land in the same slot of a small cache), and what is read must be
/// exactly what the general path reads, including every error.
/// </summary>
public class SharedParseValuesTests
{
    private const string Head = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:X - [0:0]\n:Y - [0:0]\n";

    private static IReadOnlyList<Rule> Rules(string body, string chain = "X")
    {
        var set = SaveParser.ParseRuleSet(Head + body + "COMMIT\n");
        return set.FindTable("nat")!.FindChain(chain)!.Rules;
    }

    [Test]
    public void Equal_networks_ports_and_matches_in_different_rules_are_one_instance()
    {
        var rules = Rules(
            "-A X ! -s 10.64.0.0/10 -d 10.96.0.1/32 -p tcp -m tcp --dport 80 -j Y\n" +
            "-A X ! -s 10.64.0.0/10 -d 10.96.0.2/32 -p tcp -m tcp --dport 80 -j Y\n" +
            "-A X -m statistic --mode random --probability 0.33333333349 -j Y\n" +
            "-A X -m statistic --mode random --probability 0.33333333349 -j ACCEPT\n" +
            "-A X -p tcp -m tcp -j DNAT --to-destination 10.1.2.3:8080\n" +
            "-A X -p tcp -m tcp -j DNAT --to-destination 10.1.2.4:8080\n");
        Assert.That(rules[1].Source, Is.SameAs(rules[0].Source));
        Assert.That(rules[0].Source, Is.EqualTo(new Negatable<IpNetwork>(IpNetwork.Parse("10.64.0.0/10"), true)));
        Assert.That(rules[1].Destination, Is.Not.SameAs(rules[0].Destination));
        Assert.That(rules[1].Matches, Is.SameAs(rules[0].Matches), "equal match lists are one list");
        Assert.That(rules[3].Matches, Is.SameAs(rules[2].Matches));
        Assert.That(rules[3].Matches[0], Is.EqualTo(StatisticMatch.Random(0.33333333349)));
        Assert.That(rules[5].Matches[0], Is.SameAs(rules[4].Matches[0]));
        Assert.That(rules[4].Matches[0], Is.EqualTo(new TcpMatch()));
    }

    [Test]
    public void Values_that_differ_only_in_inversion_are_not_shared()
    {
        var rules = Rules(
            "-A X -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -m statistic --mode random --probability 0.5 -j Y\n" +
            "-A X ! -s 10.0.0.0/8 -p tcp -m tcp ! --dport 80 -m statistic --mode random ! --probability 0.5 -j Y\n" +
            "-A X -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -m statistic --mode random --probability 0.5 -j Y\n");
        Assert.That(rules[0].Source!.Inverted, Is.False);
        Assert.That(rules[1].Source!.Inverted, Is.True);
        Assert.That(rules[2].Source, Is.SameAs(rules[0].Source));
        var tcp0 = (TcpMatch)rules[0].Matches[0];
        var tcp1 = (TcpMatch)rules[1].Matches[0];
        Assert.That(tcp0.DestinationPort, Is.EqualTo(new Negatable<PortRange>(PortRange.Single(80), false)));
        Assert.That(tcp1.DestinationPort, Is.EqualTo(new Negatable<PortRange>(PortRange.Single(80), true)));
        Assert.That(((StatisticMatch)rules[0].Matches[1]).Inverted, Is.False);
        Assert.That(((StatisticMatch)rules[1].Matches[1]).Inverted, Is.True);
        Assert.That(rules[2].Matches, Is.SameAs(rules[0].Matches));
        Assert.That(rules[1].Matches, Is.Not.EqualTo(rules[0].Matches));
    }

    [Test]
    public void Thousands_of_distinct_values_through_the_small_caches_keep_their_own_values()
    {
        // More distinct networks, ports and probabilities than the caches have slots, each
        // between repeats of one shared value, so slots are taken over again and again.
        var body = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            body.Append("-A X -s ").Append(Address(i)).Append("/32 -p tcp -m tcp --dport ").Append(1000 + i)
                .Append(" -m statistic --mode random --probability ").Append(Probability(i)).Append(" -j Y\n");
            body.Append("-A X ! -s 10.64.0.0/10 -p udp -m udp --dport 53 -j Y\n");
        }
        var rules = Rules(body.ToString());
        Assert.That(rules, Has.Count.EqualTo(6000));
        for (var i = 0; i < 3000; i++)
        {
            var rule = rules[2 * i];
            Assert.That(rule.Source, Is.EqualTo(new Negatable<IpNetwork>(IpNetwork.Parse(Address(i) + "/32"), false)), "rule " + i);
            Assert.That(((TcpMatch)rule.Matches[0]).DestinationPort!.Value, Is.EqualTo(PortRange.Single((ushort)(1000 + i))), "rule " + i);
            Assert.That(((StatisticMatch)rule.Matches[1]).ProbabilityBits, Is.EqualTo(StatisticMatch.ToBits(double.Parse(Probability(i), CultureInfo.InvariantCulture))), "rule " + i);
            var repeat = rules[(2 * i) + 1];
            Assert.That(repeat.Source, Is.EqualTo(new Negatable<IpNetwork>(IpNetwork.Parse("10.64.0.0/10"), true)));
            Assert.That(((UdpMatch)repeat.Matches[0]).DestinationPort!.Value, Is.EqualTo(PortRange.Single(53)));
        }
    }

    [Test]
    public void Match_lists_in_another_order_are_other_lists()
    {
        var rules = Rules(
            "-A X -m comment --comment a -m comment --comment b -j Y\n" +
            "-A X -m comment --comment b -m comment --comment a -j Y\n" +
            "-A X -m comment --comment a -m comment --comment b -j ACCEPT\n" +
            "-A X -m comment --comment a -j Y\n");
        Assert.That(rules[2].Matches, Is.SameAs(rules[0].Matches));
        Assert.That(rules[1].Matches, Is.Not.SameAs(rules[0].Matches));
        Assert.That(rules[1].Matches, Is.EqualTo(new ValueList<Match>(new Match[] { new CommentMatch("b"), new CommentMatch("a") })));
        Assert.That(rules[3].Matches, Is.EqualTo(new ValueList<Match>(new Match[] { new CommentMatch("a") })));
        Assert.That(rules[3].Matches[0], Is.SameAs(rules[0].Matches[0]), "equal matches are one instance across lists");
    }

    // Addresses and ports read straight from the line, with libxtables' rules (base-0 numbers,
    // missing parts), and NAT addresses read strictly as inet_pton does.
    [TestCase("-A X -s 010.1.2.3/32 -j ACCEPT", "8.1.2.3/32")]
    [TestCase("-A X -s 10.1/16 -j ACCEPT", "10.1.0.0/16")]
    [TestCase("-A X -s 0x0a.1.2.3/0x10 -j ACCEPT", "10.1.0.0/16")]
    [TestCase("-A X -s 10.1.2.3 -j ACCEPT", "10.1.2.3/32")]
    [TestCase("-A X -s 10.1.2.3/24 -j ACCEPT", "10.1.2.0/24")]
    [TestCase("-A X -s 10.1.2.3/255.255.0.0 -j ACCEPT", "10.1.0.0/16")]
    [TestCase("-A X --src 10.1.2.3/8 -j ACCEPT", "10.0.0.0/8")]
    public void Sources_read_from_the_line_are_those_of_libxtables(string line, string network)
    {
        Assert.That(Rules(line + "\n")[0].Source!.Value, Is.EqualTo(IpNetwork.Parse(network)));
    }

    [TestCase("-A X -p tcp -j DNAT --to-destination 10.1.2.3:8080", "10.1.2.3", 8080)]
    [TestCase("-A X -p tcp -j DNAT --to-destination 10.1.2.3:0x50", "10.1.2.3", 80)]
    [TestCase("-A X -p tcp -j DNAT --to-destination 1.2.3.4:+80", "1.2.3.4", 80)]
    [TestCase("-A X -p tcp -j DNAT --to-destination 10.1.2.3", "10.1.2.3", -1)]
    public void Nat_ranges_read_from_the_line_are_those_of_libxt_nat(string line, string address, int port)
    {
        var range = ((DnatTarget)Rules(line + "\n")[0].Target!).Range!;
        Assert.That(range.MinAddress, Is.EqualTo(IpAddress.Parse(address)));
        Assert.That(range.MaxAddress, Is.EqualTo(IpAddress.Parse(address)));
        Assert.That(range.Ports, Is.EqualTo(port < 0 ? (PortRange?)null : PortRange.Single((ushort)port)));
        Assert.That(range.BasePort, Is.Null);
    }

    // Values the fast paths leave to the general path report what they always did.
    [TestCase("-A X -s 10.0.0.1/33 -j ACCEPT", 18, "invalid mask \"33\" in -s (a prefix length 0-32 or a mask address)")]
    [TestCase("-A X -s 10.0.0.1/32/1 -j ACCEPT", 18, "invalid mask \"32/1\" in -s")]
    [TestCase("-A X -s 10.0.0.256/32 -j ACCEPT", 9, "invalid address \"10.0.0.256\" in -s")]
    [TestCase("-A X -p tcp -j DNAT --to-destination 010.1.2.3:80", 38, "invalid address \"010.1.2.3\" in --to-destination")]
    [TestCase("-A X -p tcp -j DNAT --to-destination 10.1.2.3:080", 47, "invalid port \"080\"")]
    [TestCase("-A X -p tcp -j DNAT --to-destination 10.1.2.3:", 47, "invalid port \"\"")]
    [TestCase("-A X -j DNAT --to-destination 10.1.2.3:8080", 40, "Need TCP, UDP, SCTP or DCCP")]
    [TestCase("-A X -p tcp -m tcp --dport 080 -j ACCEPT", 28, "invalid port \"080\"")]
    public void Values_the_line_readers_leave_alone_are_reported_as_before(string line, int column, string problem)
    {
        var error = Assert.Throws<NatDsl.Formats.DumpParseException>(() => SaveParser.ParseRuleSet(Head + line + "\nCOMMIT\n", "t.rules"))!;
        Assert.That(error.Message, Does.StartWith("t.rules:8:" + column.ToString(CultureInfo.InvariantCulture) + ": " + problem));
    }

    [Test]
    public void A_large_dump_of_shared_values_reads_as_in_one_pass()
    {
        // Several megabytes (parsed ahead on all cores, whole and streamed) of rules whose values
        // repeat and differ in the ways above.
        var text = new StringBuilder(Head);
        for (var i = 0; i < 40000; i++)
        {
            text.Append("-A X ").Append(i % 3 == 0 ? "! " : string.Empty).Append("-s ").Append(i % 7 == 0 ? "10.64.0.0/10" : Address(i) + "/32")
                .Append(" -p tcp -m comment --comment \"svc ").Append(i % 500).Append("\" -m tcp ").Append(i % 5 == 0 ? "! " : string.Empty).Append("--dport ").Append(i % 900)
                .Append(" -m statistic --mode random --probability ").Append(Probability(i % 40)).Append(" -j Y\n");
            text.Append("-A Y -p tcp -m tcp -j DNAT --to-destination ").Append(Address(i)).Append(':').Append(8000 + (i % 3)).Append('\n');
        }
        text.Append("COMMIT\n");
        var source = text.ToString();
        Assert.That(source.Length, Is.GreaterThan(1 << 22), "large enough to be split");
        var single = SaveParser.Parse(source, "big.rules", new SaveParseOptions { MaxDegreeOfParallelism = 1 }).RuleSet;
        Assert.That(SaveParser.ParseRuleSet(source, "big.rules"), Is.EqualTo(single), "whole text");
        using var reader = new StringReader(source);
        Assert.That(SaveParser.Parse(reader, "big.rules").RuleSet, Is.EqualTo(single), "streamed");
        Assert.That(SaveRenderer.Render(single), Is.EqualTo(SaveRenderer.Render(SaveParser.ParseRuleSet(SaveRenderer.Render(single)))));
    }

    private static string Address(int i) =>
        "10." + (65 + (i / 65536)).ToString(CultureInfo.InvariantCulture) + "." + (i / 256 % 256).ToString(CultureInfo.InvariantCulture) + "." + (i % 256).ToString(CultureInfo.InvariantCulture);

    private static string Probability(int i) => (1.0 / (i + 2)).ToString("F11", CultureInfo.InvariantCulture);
}
