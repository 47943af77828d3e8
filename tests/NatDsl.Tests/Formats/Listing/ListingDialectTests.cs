using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>
/// The names dialect across iptables releases (≤ 1.8.7, 1.8.8, ≥ 1.8.11) and ip6tables: protocol
/// spellings, the <c>%-5s</c> field that glues long names to <c>opt</c>, and the blank ip6 <c>opt</c>.
/// </summary>
public class ListingDialectTests
{
    private const string Header = "target     prot opt source               destination         ";
    private const string Any4 = "0.0.0.0/0            0.0.0.0/0           ";
    private const string Any6 = "::/0                 ::/0                ";

    private static string Listing(string ruleLines) => "Chain INPUT (policy ACCEPT)\n" + Header + "\n" + ruleLines
        + "\nChain FORWARD (policy ACCEPT)\n" + Header + "\n\nChain OUTPUT (policy ACCEPT)\n" + Header + "\n";

    [TestCase("ACCEPT     icmpv6    " + Any6 + "\nACCEPT     all      " + Any6 + "\n", ListingNamesRelease.UpTo1_8_7, 58)]
    [TestCase("ACCEPT     ipv6-icmp    " + Any6 + "\n", ListingNamesRelease.Release1_8_8, 58)]
    [TestCase("ACCEPT     mobility-header    " + Any6 + "\n", ListingNamesRelease.Release1_8_8, 135)]
    [TestCase("ACCEPT     ipv6-mh    " + Any6 + "\n", ListingNamesRelease.UpTo1_8_7, 135)]
    [TestCase("ACCEPT     ipv6-icmp --  " + Any6 + "\nACCEPT     all  --  " + Any6 + "\n", ListingNamesRelease.From1_8_11, 58)]
    public void Ip6_names_listings_round_trip_and_tell_their_release(string rules, ListingNamesRelease release, int protocol)
    {
        var text = Listing(rules);
        var document = ListingParser.Parse(text);
        Assert.That(document.Form.Family, Is.EqualTo(IpFamily.V6));
        Assert.That(document.Form.Dialect, Is.EqualTo(ListingDialect.Names));
        Assert.That(document.Form.NamesRelease, Is.EqualTo(release));
        Assert.That(document.Table.Chains[0].Rules[0].Protocol, Is.EqualTo(new Negatable<int>(protocol)));
        Assert.That(ListingRenderer.Render(document), Is.EqualTo(text));
    }

    [TestCase("ACCEPT     udplite--  " + Any4 + "\nACCEPT    !tcp  -f  " + Any4 + "\n", ListingNamesRelease.UpTo1_8_7)]
    [TestCase("ACCEPT     udplite --  " + Any4 + "\n", ListingNamesRelease.From1_8_11)]
    [TestCase("ACCEPT     dccp --  " + Any4 + "\n", ListingNamesRelease.From1_8_11)]
    [TestCase("ACCEPT     33   --  " + Any4 + "\nACCEPT     all  --  " + Any4 + "\n", ListingNamesRelease.UpTo1_8_7)]
    public void Ip4_names_listings_round_trip_and_tell_their_release(string rules, ListingNamesRelease release)
    {
        var text = Listing(rules);
        var document = ListingParser.Parse(text);
        Assert.That(document.Form.Dialect, Is.EqualTo(ListingDialect.Names));
        Assert.That(document.Form.NamesRelease, Is.EqualTo(release));
        Assert.That(ListingRenderer.Render(document), Is.EqualTo(text));
    }

    [Test]
    public void Glued_names_split_into_protocol_and_fragment_option()
    {
        var text = Listing("ACCEPT    !udplite!f  " + Any4 + "\n");
        var rule = ListingParser.Parse(text).Table.Chains[0].Rules[0];
        Assert.That(rule.Protocol, Is.EqualTo(new Negatable<int>(136, Inverted: true)));
        Assert.That(rule.Fragment, Is.EqualTo(new Negatable<bool>(true, Inverted: true)));
    }

    [Test]
    public void Ip6_old_verbose_listing_round_trips()
    {
        const string header = " pkts bytes target     prot opt in     out     source               destination         ";
        var text = "Chain INPUT (policy ACCEPT 5 packets, 400 bytes)\n" + header + "\n"
            + "    5   400 ACCEPT     icmpv6    eth0   *       fd00::/8             ::1                  ipv6-icmptype 128\n"
            + "\nChain FORWARD (policy DROP 0 packets, 0 bytes)\n" + header + "\n"
            + "\nChain OUTPUT (policy ACCEPT 0 packets, 0 bytes)\n" + header + "\n";
        var document = ListingParser.Parse(text);
        Assert.That(document.Form.NamesRelease, Is.EqualTo(ListingNamesRelease.UpTo1_8_7));
        Assert.That(document.Table.Chains[0].Rules[0].InInterface, Is.EqualTo(new Negatable<string>("eth0")));
        Assert.That(ListingRenderer.Render(document), Is.EqualTo(text));
        // The same rules as ip6tables 1.8.9 prints them.
        var numbers = ListingRenderer.Render(document with { Form = document.Form with { Dialect = ListingDialect.Numbers } });
        Assert.That(numbers, Does.Contain("    5   400 ACCEPT     58   --  eth0   *       fd00::/8             ::1                  ipv6-icmptype 128\n"));
    }

    [Test]
    public void A_listing_without_protocol_evidence_reports_the_default_names_dialect()
    {
        var document = ListingParser.Parse(Listing("ACCEPT     47   --  " + Any4 + "\n"));
        Assert.That(document.Form.Dialect, Is.EqualTo(ListingDialect.Names));
        Assert.That(document.Form.NamesRelease, Is.EqualTo(ListingNamesRelease.UpTo1_8_7));
    }
}
