using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>
/// The cases the parser's fast paths take apart from the general ones: chain names known before the
/// rules (jumps forward, headers without a blank line before them, names declared twice), lines
/// read in place (CRLF, the last line without a line end), extension texts shared between rules,
/// and the in-place readers of addresses, counters and <c>DNAT to:</c>, each against its general reading.
/// </summary>
public class ListingInPlaceReadingTests
{
    private const string Header = ListingSample.Header;

    private static string Line(string target, string prot, string extras, string source = "0.0.0.0/0", string destination = "0.0.0.0/0") =>
        ListingSample.Line(target, prot, extras, source, destination);

    [Test]
    public void A_jump_to_a_chain_declared_later_is_a_jump()
    {
        var text = "Chain INPUT (policy ACCEPT)\n" + Header + "\n" + Line("LATER", "0", string.Empty) + "\n"
            + "\nChain LATER (1 references)\n" + Header + "\n";
        var rule = ListingParser.Parse(text).Table.FindChain("INPUT")!.Rules[0];
        Assert.That(rule.Target, Is.EqualTo(new JumpTarget("LATER")));
    }

    [Test]
    public void A_header_right_after_rules_starts_a_chain_that_jumps_can_name()
    {
        var text = "Chain INPUT (policy ACCEPT)\n" + Header + "\n" + Line("NEXT", "0", string.Empty) + "\n"
            + "Chain NEXT (1 references)\n" + Header + "\n";
        var table = ListingParser.Parse(text).Table;
        Assert.That(table.Chains.Count, Is.EqualTo(2));
        Assert.That(table.FindChain("INPUT")!.Rules[0].Target, Is.EqualTo(new JumpTarget("NEXT")));
    }

    [Test]
    public void A_rule_whose_target_is_a_chain_called_Chain_is_a_rule()
    {
        var text = "Chain INPUT (policy ACCEPT)\n" + Header + "\n" + Line("Chain", "0", string.Empty) + "\n"
            + "\nChain Chain (1 references)\n" + Header + "\n";
        var table = ListingParser.Parse(text).Table;
        Assert.That(table.FindChain("INPUT")!.Rules[0].Target, Is.EqualTo(new JumpTarget("Chain")));
        Assert.That(ListingRenderer.Render(ListingParser.Parse(text)), Is.EqualTo(text));
    }

    [Test]
    public void A_chain_listed_twice_is_located_at_its_second_header()
    {
        var text = "Chain KUBE-A (0 references)\n" + Header + "\n" + "\nChain KUBE-B (0 references)\n" + Header + "\n"
            + "\nChain KUBE-A (0 references)\n" + Header + "\n";
        var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse(text, "n.txt"))!;
        Assert.That((error.Line, error.Column), Is.EqualTo((7, 7)));
        Assert.That(error.Problem, Is.EqualTo("chain \"KUBE-A\" is listed twice"));
        Assert.That(error.LineText, Is.EqualTo("Chain KUBE-A (0 references)"));
    }

    [Test]
    public void An_earlier_error_wins_over_a_chain_listed_twice()
    {
        var text = "Chain KUBE-A (0 references)\n" + Header + "\n" + Line("ACCEPT", "0", string.Empty, "10.0.0.300") + "\n"
            + "\nChain KUBE-A (0 references)\n" + Header + "\n";
        var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse(text))!;
        Assert.That(error.Line, Is.EqualTo(3));
    }

    [Test]
    public void A_user_chain_header_at_the_end_is_a_truncated_listing()
    {
        var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse("Chain INPUT (policy ACCEPT)\n" + Header + "\n\nChain KUBE-A (0 references)"))!;
        Assert.That((error.Line, error.Column), Is.EqualTo((4, 28)));
        Assert.That(error.Problem, Does.StartWith("truncated listing"));
    }

    [TestCase("Chain KUBE-A (1234567890 references)")]
    [TestCase("Chain KUBE-A (007 references)")]
    [TestCase("Chain KUBE-A (3 references)   ")]
    public void User_chain_headers_read_in_place_or_not_read_alike(string header)
    {
        var document = ListingParser.Parse(header + "\n" + Header + "\n");
        Assert.That(document.Table.Chains[0].Name, Is.EqualTo("KUBE-A"));
        Assert.That(document.Table.Chains[0].Policy, Is.Null);
    }

    [Test]
    public void An_empty_text_is_an_empty_listing_at_line_1()
    {
        var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse("\n\n"))!;
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 1)));
        Assert.That(error.Problem, Does.StartWith("empty listing"));
    }

    [Test]
    public void Crlf_lines_and_a_missing_last_line_end_read_as_lf_lines()
    {
        var text = ListingSample.Listing(1, Line("X", "6", "/* c */ tcp dpt:80"), Line("ACCEPT", "17", "udp"));
        var expected = ListingParser.Parse(text).RuleSet;
        Assert.That(ListingParser.Parse(text.Replace("\n", "\r\n")).RuleSet, Is.EqualTo(expected));
        Assert.That(ListingParser.Parse(text.TrimEnd('\n')).RuleSet, Is.EqualTo(expected));
    }

    [Test]
    public void An_error_on_a_crlf_line_has_the_line_without_its_end()
    {
        var text = "Chain INPUT (policy ACCEPT)\r\n" + Header + "\r\n" + Line("ACCEPT", "0", string.Empty, "10.0.0.300") + "\r\n";
        var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse(text))!;
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 21)));
        Assert.That(error.LineText, Is.EqualTo(Line("ACCEPT", "0", string.Empty, "10.0.0.300")));
    }

    [Test]
    public void The_same_extension_text_reads_by_each_rules_protocol()
    {
        // The split of a text is kept per protocol: "tcp dpt:80" is a tcp match only on a -p tcp rule.
        var text = ListingSample.Listing(3, Line("X", "6", "/* c */ tcp dpt:80"), Line("X", "17", "/* c */ tcp dpt:80"), Line("X", "6", "/* c */ tcp dpt:80"));
        var document = ListingParser.Parse(text);
        var rules = document.Table.FindChain("INPUT")!.Rules;
        Assert.That(rules[0].Matches[1], Is.EqualTo(new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) }));
        Assert.That(rules[1].Matches[1], Is.InstanceOf<RawMatch>());
        Assert.That(rules[2].Matches, Is.EqualTo(rules[0].Matches));
        Assert.That(ListingRenderer.Render(document), Is.EqualTo(text));
    }

    [Test]
    public void The_same_extension_text_reads_alike_with_a_target_that_prints_text()
    {
        var text = ListingSample.Listing(1, Line("X", "6", "tcp dpt:80"), Line("ACCEPT", "6", "tcp dpt:80"), Line("DNAT", "6", "tcp dpt:80 to:10.0.0.1:8080"));
        var rules = ListingParser.Parse(text).Table.FindChain("INPUT")!.Rules;
        Assert.That(rules[1].Matches, Is.EqualTo(rules[0].Matches));
        Assert.That(rules[2].Matches, Is.EqualTo(rules[0].Matches));
        Assert.That(rules[2].Target, Is.EqualTo(new DnatTarget(NatRange.To(IpAddress.Parse("10.0.0.1"), 8080))));
    }

    [TestCase("to:10.0.0.1:80", true)]
    [TestCase("to:10.0.0.1:0", true)]
    [TestCase("to:10.0.0.1:65535", true)]
    [TestCase("to:10.0.0.1", true)]
    [TestCase("to:10.0.0.1-10.0.0.9:80", true)]
    [TestCase("to:10.0.0.1:80 random", true)]
    [TestCase("to:10.0.0.01:80", false)]
    [TestCase("to:10.0.0.1:080", false)]
    [TestCase("to:10.0.0.1:65536", false)]
    [TestCase("to:10.0.0.1:", false)]
    [TestCase("to:10.0.0:80", false)]
    public void Dnat_to_reads_typed_only_as_iptables_prints_it(string extras, bool typed)
    {
        var rule = ListingSample.ParseRule("DNAT", "6", extras);
        Assert.That(rule.Target, typed ? Is.InstanceOf<DnatTarget>() : Is.InstanceOf<RawTarget>());
    }

    [Test]
    public void A_dnat_without_text_is_a_typed_dnat()
    {
        Assert.That(ListingSample.ParseRule("DNAT", "0", string.Empty).Target, Is.EqualTo(new DnatTarget(null)));
        Assert.That(ListingSample.ParseRule("MASQUERADE", "0", string.Empty).Target, Is.EqualTo(new MasqueradeTarget()));
    }

    [TestCase("10.0.0.0/8", "10.0.0.0/8")]
    [TestCase("0.0.0.0/0", null)]
    [TestCase("10.0.0.1", "10.0.0.1/32")]
    [TestCase("255.255.255.255", "255.255.255.255/32")]
    [TestCase("10.0.0.0/255.0.255.0", "10.0.0.0/255.0.255.0")]
    [TestCase("128.0.0.0/1", "128.0.0.0/1")]
    public void Addresses_read_in_place_as_the_general_reader(string text, string? expected)
    {
        var document = ListingParser.Parse(ListingSample.Listing(ListingSample.Line("ACCEPT", "0", string.Empty, text)));
        var rule = document.Table.FindChain("INPUT")!.Rules[0];
        Assert.That(rule.Source?.Value.ToString(), Is.EqualTo(expected));
    }

    [TestCase("10.0.0.1/32")]
    [TestCase("10.0.0.1/8")]
    [TestCase("010.0.0.1")]
    [TestCase("10.0.0.0/08")]
    [TestCase("10.0.0.0/255.0.0.0")]
    [TestCase("256.0.0.1")]
    [TestCase("1.2.3.4.5")]
    public void Addresses_iptables_never_prints_are_errors(string text)
    {
        var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse(ListingSample.Listing(ListingSample.Line("ACCEPT", "0", string.Empty, text))))!;
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 21)));
        Assert.That(error.Problem, Is.EqualTo("bad source address \"" + text + "\""));
    }

    [TestCase("18446744073709551615", true)]
    [TestCase("18446744073709551616", false)]
    [TestCase("00000000000000000000001", true)]
    [TestCase("9999999999999999999", true)]
    public void Exact_counters_of_any_length_read_as_the_general_reader(string packets, bool valid)
    {
        var text = "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n"
            + "    pkts      bytes target     prot opt in     out     source               destination         \n"
            + packets.PadLeft(8) + "        0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n";
        if (valid)
        {
            var rule = ListingParser.Parse(text).Table.Chains[0].Rules[0];
            Assert.That(rule.Counters!.Value.Packets, Is.EqualTo(new Counter(ulong.Parse(packets, System.Globalization.CultureInfo.InvariantCulture))));
        }
        else
        {
            var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse(text))!;
            Assert.That(error.Problem, Is.EqualTo("bad packet counter \"" + packets + "\""));
        }
    }
}
