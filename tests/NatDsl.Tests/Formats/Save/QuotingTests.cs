using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>
/// iptables-restore's argument splitting (add_param_to_argv) and iptables-save's quoting
/// (xtables_save_string), on the comments of vector v8 and on corner cases.
/// </summary>
public class QuotingTests
{
    private static string Comment(string arguments) =>
        ((CommentMatch)SaveText.ParseRule("-A INPUT -m comment --comment " + arguments + " -j ACCEPT").Matches[0]).Text;

    [TestCase("simple_Word-09", "simple_Word-09")]
    [TestCase("\"with space\"", "with space")]
    [TestCase("\"\"", "")]
    [TestCase("\"a\\\\b \\\"q\\\" 's'\"", "a\\b \"q\" 's'")]
    [TestCase("\"a\\\\b \\\"q\\\" \\'s\\'\"", "a\\b \"q\" 's'")]
    [TestCase("\"\\x\\y\"", "xy")]
    [TestCase("a\\b", "a\\b")]
    [TestCase("ab\"c d\"", "abc d")]
    [TestCase("\"tab\tinside\"", "tab\tinside")]
    [TestCase("\"/* nested */\"", "/* nested */")]
    [TestCase("\"ünïcödé – dash\"", "ünïcödé – dash")]
    public void Restore_quoting_rules(string written, string text) => Assert.That(Comment(written), Is.EqualTo(text));

    [TestCase("simple_Word-09", "--comment simple_Word-09")]
    [TestCase("with space", "--comment \"with space\"")]
    [TestCase("kube-system/kube-dns:dns", "--comment \"kube-system/kube-dns:dns\"")]
    [TestCase("", "--comment \"\"")]
    [TestCase("a\\b \"q\" 's'", "--comment \"a\\\\b \\\"q\\\" \\'s\\'\"")]
    [TestCase("/* nested */", "--comment \"/* nested */\"")]
    [TestCase("tab\tand $dollar;semicolon", "--comment \"tab\tand $dollar;semicolon\"")]
    public void Save_quoting_rules(string text, string saved)
    {
        var rule = new Rule { Matches = new ValueList<Match>(new Match[] { new CommentMatch(text) }), Target = VerdictTarget.Accept };
        Assert.That(SaveRenderer.RenderRule("INPUT", rule), Is.EqualTo("-A INPUT -m comment " + saved + " -j ACCEPT"));
        Assert.That(Comment(saved.Substring("--comment ".Length)), Is.EqualTo(text), "the save text reads back");
    }

    [Test]
    public void A_closing_quote_ends_the_argument()
    {
        var ex = Assert.Throws<NatDsl.Formats.DumpParseException>(() => SaveText.ParseRule("-A INPUT -m comment --comment \"x\"y -j ACCEPT"))!;
        Assert.That(ex.Column, Is.EqualTo(34));
        Assert.That(ex.Problem, Does.Contain("unexpected argument \"y\""));
    }

    [Test]
    public void An_unterminated_quote_is_reported_at_the_quote()
    {
        var ex = Assert.Throws<NatDsl.Formats.DumpParseException>(() => SaveText.ParseRule("-A INPUT -m comment --comment \"abc -j ACCEPT"))!;
        Assert.That(ex.Column, Is.EqualTo(31));
        Assert.That(ex.Problem, Does.Contain("unterminated"));
    }

    [Test]
    public void A_quoted_option_is_an_option_as_iptables_restore_removes_quotes_first()
    {
        Assert.That(SaveText.ParseRule("-A INPUT \"-j\" ACCEPT").Target, Is.EqualTo(SaveText.ParseRule("-A INPUT -j ACCEPT").Target));
        Assert.That(SaveText.ParseRule("-A INPUT \"!\" -s 1.2.3.4 -j ACCEPT").Source!.Inverted, Is.True);
    }

    [Test]
    public void Vector_v8_comments_parse_to_their_raw_text()
    {
        var ruleSet = SaveParser.ParseRuleSet(TestData.Read("vectors", "v8-comments.rules"), "v8-comments.rules");
        var comments = ruleSet.FindTable("nat")!.FindChain("PREROUTING")!.Rules.Select(r => ((CommentMatch)r.Matches[0]).Text).ToList();
        Assert.That(comments, Has.Count.EqualTo(10));
        Assert.That(comments[0], Is.EqualTo("simple_Word-09"));
        Assert.That(comments[4], Is.EqualTo(string.Empty));
        Assert.That(comments[5], Is.EqualTo("a\\b \"q\" 's'"));
        Assert.That(comments[6], Is.EqualTo("single 'quoted' only"));
        Assert.That(comments[7], Is.EqualTo("\u00fcn\u00efc\u00f8d\u00e9 \u2013 dash"));
        Assert.That(comments[9], Has.Length.EqualTo(255));
    }

    [Test]
    public void A_comment_longer_than_255_bytes_is_rejected()
    {
        var ex = Assert.Throws<NatDsl.Formats.DumpParseException>(() => SaveText.ParseRule("-A INPUT -m comment --comment " + new string('é', 128) + " -j ACCEPT"))!;
        Assert.That(ex.Problem, Does.Contain("256 bytes"));
        Assert.That(ex.Column, Is.EqualTo(31));
    }
}
