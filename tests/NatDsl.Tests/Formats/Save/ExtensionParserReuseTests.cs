using System.Globalization;
using System.IO;
using System.Text;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>
/// The save parser keeps one parser per match and target extension and uses it again for the
/// next rule (and a second one when a rule loads an extension twice). Every rule must read as
/// if its parsers were new: nothing an option set in one rule may show in a later one, and
/// errors that depend on what a rule gave (an option given twice, one missing) must be those
/// of that rule alone.
/// </summary>
public class ExtensionParserReuseTests
{
    private const string Head = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:X - [0:0]\n";

    /// <summary>Each rule with options, then one of the same extension without them (or with others).</summary>
    private const string Sequence =
        "-A X -p tcp -j DNAT --to-destination 10.1.2.4:8080 --random\n" +
        "-A X -p tcp -j DNAT --to-destination 10.1.2.5:8080\n" +
        "-A X -j MASQUERADE --random-fully\n" +
        "-A X -j MASQUERADE\n" +
        "-A X -j LOG --log-prefix p\n" +
        "-A X -j LOG\n" +
        "-A X -m recent --set --name FOO --mask 255.255.255.255 --rsource\n" +
        "-A X -m recent --update --seconds 10 --name DEFAULT --mask 255.255.255.255 --rsource\n" +
        "-A X -m statistic --mode nth --every 3 --packet 1\n" +
        "-A X -m statistic --mode random --probability 0.50000000000\n" +
        "-A X -m conntrack --ctstate NEW\n" +
        "-A X -m conntrack --ctstatus ASSURED\n" +
        "-A X -p tcp -m tcp --dport 80 --tcp-flags FIN,SYN,RST,ACK SYN\n" +
        "-A X -p tcp -m tcp --sport 90\n" +
        "-A X -p tcp -m tcp\n" +
        "-A X -p udp -m udp --dport 53\n" +
        "-A X -p udp -m udp\n" +
        "-A X -m comment --comment c1 -m comment --comment c2\n" +
        "-A X -m comment --comment c1\n" +
        "-A X -m mark ! --mark 0x2\n" +
        "-A X -m mark --mark 0x1\n" +
        "-A X -j MARK --set-xmark 0x0/0xfffffffb\n" +
        "-A X -j MARK --set-xmark 0x3/0xffffffff\n" +
        "-A X -p tcp -j REJECT --reject-with tcp-reset\n" +
        "-A X -j REJECT --reject-with icmp-port-unreachable\n" +
        "-A X -m addrtype --dst-type LOCAL\n" +
        "-A X -m addrtype --src-type LOCAL\n" +
        "-A X -m set --match-set b dst,dst --return-nomatch\n" +
        "-A X -m set --match-set a src\n" +
        "-A X -p tcp -m tcp --dport 80 -m tcp --sport 90\n";

    [Test]
    public void Each_rule_reads_as_if_its_extension_parsers_were_new()
    {
        var text = Head + Sequence + "COMMIT\n";
        Assert.That(SaveRenderer.Render(SaveParser.Parse(text)), Is.EqualTo(text));
    }

    [Test]
    public void An_extension_loaded_twice_in_one_rule_gets_two_parsers()
    {
        var rules = SaveParser.ParseRuleSet(Head + "-A X -p tcp -m tcp --dport 80 -m tcp --sport 90 -m comment --comment a -m comment --comment b -j ACCEPT\nCOMMIT\n")
            .FindTable("nat")!.FindChain("X")!.Rules;
        Assert.That(rules[0].Matches, Is.EqualTo(new ValueList<Match>(new Match[]
        {
            new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) },
            new TcpMatch { SourcePort = new Negatable<PortRange>(PortRange.Single(90)) },
            new CommentMatch("a"),
            new CommentMatch("b"),
        })));
    }

    // (lines after Head, line, column, problem)
    [TestCase("-A X -m comment --comment a\n-A X -m comment\n", 8, 9, "comment: option \"--comment\" must be specified")]
    [TestCase("-A X -p tcp -m tcp --dport 80\n-A X -p tcp -m tcp --dport 81 --dport 82\n", 8, 31, "option \"--dport\" can only be used once")]
    [TestCase("-A X -m statistic --mode random --probability 0.5\n-A X -m statistic --probability 0.5\n", 8, 9, "statistic: option \"--mode\" must be specified")]
    [TestCase("-A X -m statistic --mode nth --every 3 --packet 2\n-A X -m statistic --mode nth --packet 2\n", 8, 9, "statistic: --every and --packet must be specified")]
    [TestCase("-A X -p tcp -j DNAT --to-destination 1.2.3.4\n-A X -p tcp -j DNAT --random\n", 8, 16, "DNAT: option \"--to-destination\" must be specified")]
    [TestCase("-A X -m conntrack --ctstate NEW\n-A X -m conntrack\n", 8, 9, "conntrack: at least one option is required")]
    public void Errors_after_a_reused_parser_are_those_of_a_new_one(string lines, int line, int column, string problem)
    {
        var error = Assert.Throws<DumpParseException>(() => SaveParser.Parse(Head + lines + "COMMIT\n", "t.rules"))!;
        Assert.That(error.Message, Does.StartWith("t.rules:" + line.ToString(CultureInfo.InvariantCulture) + ":" + column.ToString(CultureInfo.InvariantCulture) + ": " + problem));
    }

    [Test]
    public void The_rules_of_a_large_dump_read_on_all_cores_read_as_in_one_pass()
    {
        // The sequence many times over several megabytes: the workers' parsers serve thousands
        // of rules each, in whatever order the pieces fall to them.
        var text = new StringBuilder(Head);
        for (var i = 0; text.Length < (5 << 20); i++)
        {
            text.Append(Sequence.Replace("10.1.2.4:8080", "10.1." + (i / 256 % 256).ToString(CultureInfo.InvariantCulture) + "." + (i % 256).ToString(CultureInfo.InvariantCulture) + ":8080"));
        }
        text.Append("COMMIT\n");
        var source = text.ToString();
        var single = SaveParser.Parse(source, "big.rules", new SaveParseOptions { MaxDegreeOfParallelism = 1 });
        Assert.That(SaveRenderer.Render(single), Is.EqualTo(source));
        Assert.That(SaveParser.ParseRuleSet(source, "big.rules"), Is.EqualTo(single.RuleSet), "whole text");
        using var reader = new StringReader(source);
        Assert.That(SaveParser.Parse(reader, "big.rules").RuleSet, Is.EqualTo(single.RuleSet), "streamed");
    }
}
