using NatDsl.Formats;
using NatDsl.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>Every kind of bad input is a DumpParseException naming file, line and the column of the offending token, and quoting the line.</summary>
public class ParseErrorTests
{
    private const string Head = "*filter\n:X - [0:0]\n";

    // (text, line, column, problem fragment)
    [TestCase(Head + "-A INPUT -p tcp --dprot 80 -j ACCEPT\nCOMMIT\n", 3, 17, "unknown option \"--dprot\"")]
    [TestCase(Head + "-A INPUT --dport 80 -j ACCEPT\nCOMMIT\n", 3, 10, "unknown option \"--dport\"")]
    [TestCase(Head + "-A INPUT -x 1\nCOMMIT\n", 3, 10, "option \"-x\" cannot be used in a rule line")]
    [TestCase(Head + "-A INPUT -y 1\nCOMMIT\n", 3, 10, "unknown option \"-y\"")]
    [TestCase(Head + "-A INPUT -p tcp -m tcp --dport 80 --bogus -j ACCEPT\nCOMMIT\n", 3, 35, "unknown option \"--bogus\"")]
    [TestCase(Head + "-A INPUT -s\nCOMMIT\n", 3, 10, "requires an argument")]
    [TestCase(Head + "-A INPUT -p tcp --dport\nCOMMIT\n", 3, 17, "requires an argument")]
    [TestCase(Head + "-A INPUT -s 10.0.0.300 -j ACCEPT\nCOMMIT\n", 3, 13, "invalid address \"10.0.0.300\"")]
    [TestCase(Head + "-A INPUT -s localhost -j ACCEPT\nCOMMIT\n", 3, 13, "host names are not resolved")]
    [TestCase(Head + "-A INPUT -s 1.2.3.4/33 -j ACCEPT\nCOMMIT\n", 3, 21, "invalid mask \"33\"")]
    [TestCase(Head + "-A INPUT -s 1.2.3.4,5.6.7.8 -j ACCEPT\nCOMMIT\n", 3, 13, "address lists are not supported")]
    [TestCase(Head + "-A INPUT -p tcp --dport 70000 -j ACCEPT\nCOMMIT\n", 3, 25, "invalid port \"70000\"")]
    [TestCase(Head + "-A INPUT -p tcp --dport http -j ACCEPT\nCOMMIT\n", 3, 25, "service names are not resolved")]
    [TestCase(Head + "-A INPUT -p tcp --dport 90:80 -j ACCEPT\nCOMMIT\n", 3, 25, "first above last")]
    [TestCase(Head + "-A INPUT -m mark --mark 0x100000000 -j ACCEPT\nCOMMIT\n", 3, 25, "invalid mark value")]
    [TestCase(Head + "[18446744073709551616:0] -A INPUT -j ACCEPT\nCOMMIT\n", 3, 2, "invalid packet counter")]
    [TestCase(Head + "[1:x] -A INPUT -j ACCEPT\nCOMMIT\n", 3, 4, "invalid byte counter")]
    [TestCase(Head + "-A INPUT -c 1 18446744073709551616 -j ACCEPT\nCOMMIT\n", 3, 15, "invalid counter")]
    [TestCase("*filter\n:INPUT ACCEPT [1:99999999999999999999]\nCOMMIT\n", 2, 18, "invalid byte counter")]
    [TestCase(Head + "-A INPUT -m statistic --mode random --probability 1.5 -j ACCEPT\nCOMMIT\n", 3, 51, "invalid probability")]
    [TestCase("-A INPUT -j ACCEPT\n", 1, 1, "before any *table line")]
    [TestCase(":INPUT ACCEPT [0:0]\n", 1, 1, "chain line before any *table line")]
    [TestCase("*filter\n-A INPUT -j ACCEPT\n", 1, 1, "has no COMMIT line")]
    [TestCase("*filter\n-A INPUT -j ACCEPT\n*nat\nCOMMIT\n", 3, 1, "has no COMMIT before this *table line")]
    [TestCase("COMMIT\n", 1, 1, "COMMIT outside a table")]
    [TestCase(Head + "-A NOPE -j ACCEPT\nCOMMIT\n", 3, 4, "chain \"NOPE\" does not exist")]
    [TestCase(Head + "-A INPUT -j NOPE\nCOMMIT\n", 3, 13, "chain \"NOPE\" does not exist")]
    [TestCase(Head + "-A INPUT -g NOPE\nCOMMIT\n", 3, 13, "chain \"NOPE\" does not exist")]
    [TestCase(Head + "-A INPUT -j OUTPUT\nCOMMIT\n", 3, 13, "cannot jump to the built-in chain")]
    [TestCase(Head + "-A INPUT -p sctp -m sctp --chunk-types all INIT -j ACCEPT\nCOMMIT\n", 3, 26, "not supported by the rule model")]
    [TestCase(Head + "-A INPUT -m set --match-set s src --update-counters -j ACCEPT\nCOMMIT\n", 3, 35, "not supported by the rule model")]
    [TestCase(Head + "-A INPUT -p esp --espspi 5 -j ACCEPT\nCOMMIT\n", 3, 17, "match module of protocol esp is not supported")]
    [TestCase("*filter\n:INPUT RETURN [0:0]\nCOMMIT\n", 2, 8, "bad policy \"RETURN\"")]
    [TestCase("*filter\n:FOO ACCEPT [0:0]\nCOMMIT\n", 2, 2, "is not a built-in chain of table filter")]
    [TestCase(Head + ":X - [0:0]\nCOMMIT\n", 3, 2, "declared twice")]
    [TestCase(Head + "-Q INPUT\nCOMMIT\n", 3, 1, "expected a command")]
    [TestCase(Head + "-t nat -A INPUT\nCOMMIT\n", 3, 1, "-t option cannot be used")]
    [TestCase(Head + "-A INPUT -j ACCEPT -t nat\nCOMMIT\n", 3, 20, "-t option cannot be used")]
    [TestCase(Head + "[1:2] -A INPUT -c 3 4 -j ACCEPT\nCOMMIT\n", 3, 16, "counters given twice")]
    [TestCase(Head + "-A INPUT -m tcp --dport 80 -j ACCEPT\nCOMMIT\n", 3, 13, "the tcp match needs \"-p tcp\"")]
    [TestCase(Head + "-A INPUT ! -p tcp --dport 80 -j ACCEPT\nCOMMIT\n", 3, 19, "the tcp match needs \"-p tcp\"")]
    [TestCase(Head + "-A INPUT -m multiport --dports 80 -j ACCEPT\nCOMMIT\n", 3, 23, "multiport needs")]
    [TestCase(Head + "-A INPUT -j REJECT --reject-with tcp-reset\nCOMMIT\n", 3, 20, "tcp-reset needs")]
    [TestCase("*nat\n-A PREROUTING -j DNAT --to-destination 1.2.3.4:80\nCOMMIT\n", 2, 48, "Need TCP, UDP, SCTP or DCCP")]
    [TestCase("*nat\n-A PREROUTING -p tcp -j DNAT\nCOMMIT\n", 2, 25, "\"--to-destination\" must be specified")]
    [TestCase(Head + "-A INPUT -j ACCEPT -j DROP\nCOMMIT\n", 3, 20, "multiple -j/-g flags")]
    [TestCase(Head + "-A INPUT -s 1.1.1.1 -s 2.2.2.2\nCOMMIT\n", 3, 21, "multiple -s flags")]
    [TestCase(Head + "-A INPUT ! ! -s 1.1.1.1\nCOMMIT\n", 3, 12, "multiple ! flags")]
    [TestCase(Head + "-A INPUT -s 1.1.1.1 !\nCOMMIT\n", 3, 21, "! is not followed by an option")]
    [TestCase(Head + "-A INPUT ! -j ACCEPT\nCOMMIT\n", 3, 10, "cannot have ! before -j")]
    [TestCase(Head + "-A INPUT -m comment ! --comment x\nCOMMIT\n", 3, 23, "cannot be inverted")]
    [TestCase(Head + "-A INPUT -j ACCEPT extra\nCOMMIT\n", 3, 20, "unexpected argument \"extra\"")]
    [TestCase(Head + "-A INPUT -m mark --mark 1 --mark 2\nCOMMIT\n", 3, 27, "can only be used once")]
    [TestCase(Head + "-A INPUT -o eth0 -j ACCEPT\nCOMMIT\n", 3, 10, "can't use -o with INPUT")]
    [TestCase(Head + "-A INPUT -i 0123456789abcdef -j ACCEPT\nCOMMIT\n", 3, 13, "longer than 15 characters")]
    [TestCase(Head + "-N A-CHAIN-NAME-THAT-IS-TOO-LONG\nCOMMIT\n", 3, 4, "longer than 28 characters")]
    [TestCase(Head + "-N X\nCOMMIT\n", 3, 4, "already exists")]
    [TestCase(Head + "-N DNAT\nCOMMIT\n", 3, 4, "clashes with the target")]
    [TestCase(Head + "-A X -j ACCEPT\n-X X\nCOMMIT\n", 4, 4, "not empty")]
    [TestCase(Head + "-A INPUT -j X\n-X X\nCOMMIT\n", 4, 4, "still referenced")]
    [TestCase(Head + "-D INPUT -s 1.2.3.4\nCOMMIT\n", 3, 10, "no such rule")]
    [TestCase(Head + "-D INPUT 3\nCOMMIT\n", 3, 10, "rule 3 does not exist")]
    [TestCase(Head + "-I INPUT 2 -j ACCEPT\nCOMMIT\n", 3, 1, "index of insertion too big")]
    [TestCase(Head + "-P X ACCEPT\nCOMMIT\n", 3, 4, "policy can only be set on a built-in chain")]
    [TestCase(Head + "-A INPUT -m icmp6 --icmpv6-type 1 -j ACCEPT -s 1.2.3.4\nCOMMIT\n", 3, 48, "is IPv4 but the rule set is IPv6")]
    [TestCase(Head + "-A INPUT -p icmp -m icmp --icmp-type ttl-zero -j ACCEPT\nCOMMIT\n", 3, 38, "ambiguous ICMP type")]
    [TestCase(Head + "-A INPUT -p tcp --d 80\nCOMMIT\n", 3, 17, "is ambiguous")]
    [TestCase(Head + "-A INPUT -m statistic --mode nth --every 2 --packet 2 -j ACCEPT\nCOMMIT\n", 3, 44, "--packet p must be")]
    [TestCase("*filter\n-A INPUT -j ACCEPT\nCOMMIT x\n", 3, 1, "expected a command")]
    [TestCase(Head + "-A INPUT -m recent --rcheck --seconds 0 -j ACCEPT\nCOMMIT\n", 3, 39, "invalid --seconds \"0\"")]
    [TestCase("*nat\n-A PREROUTING -p tcp -j DNAT --to-destination 010.1.2.3\nCOMMIT\n", 2, 47, "invalid address \"010.1.2.3\"")]
    public void Bad_input_is_located(string text, int line, int column, string problem)
    {
        var ex = Assert.Throws<DumpParseException>(() => SaveParser.Parse(text, "node1.rules"))!;
        var lineText = text.Split('\n')[line - 1];
        Assert.Multiple(() =>
        {
            Assert.That(ex.Problem, Does.Contain(problem));
            Assert.That(ex.Line, Is.EqualTo(line), ex.Message);
            Assert.That(ex.Column, Is.EqualTo(column), ex.Message);
            Assert.That(ex.Source, Is.EqualTo("node1.rules"));
            Assert.That(ex.LineText, Is.EqualTo(lineText));
            Assert.That(ex.Message, Does.StartWith("node1.rules:" + line + ":" + column + ": "));
            Assert.That(ex.Message, Does.Contain(lineText));
        });
    }

    [Test]
    public void Rules_format_errors_are_located_too()
    {
        var ex = Assert.Throws<DumpParseException>(() => RulesParser.Parse("-P INPUT ACCEPT\n-A INPUT -p tcp --dport x\n", "filter", "S.txt"))!;
        Assert.That((ex.Line, ex.Column), Is.EqualTo((2, 25)));
        Assert.That(ex.Message, Does.StartWith("S.txt:2:25: "));
        Assert.Throws<DumpParseException>(() => RulesParser.Parse("*filter\n", "filter"));
    }

    [Test]
    public void Crlf_input_reports_the_line_without_its_carriage_return()
    {
        var ex = Assert.Throws<DumpParseException>(() => SaveParser.Parse("*filter\r\n-A INPUT -j NOPE\r\nCOMMIT\r\n"))!;
        Assert.That(ex.LineText, Is.EqualTo("-A INPUT -j NOPE"));
        Assert.That((ex.Line, ex.Column), Is.EqualTo((2, 13)));
    }
}
