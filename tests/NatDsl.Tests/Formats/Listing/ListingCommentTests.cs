using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>Comments are printed raw (<c>/* TEXT */</c>) and may themselves contain <c>*/</c> and <c>/*</c>.</summary>
public class ListingCommentTests
{
    private static ValueList<Match> Matches(params Match[] matches) => new ValueList<Match>(matches);

    [TestCase("/* /* nested */ */", "/* nested */")]
    [TestCase("/*  */", "")]
    [TestCase("/* tab\tand $dollar;semicolon */", "tab\tand $dollar;semicolon")]
    [TestCase("/* a\\b \"q\" 's' */", "a\\b \"q\" 's'")]
    [TestCase("/* ünïcødé – dash */", "ünïcødé – dash")]
    [TestCase("/* x */ */", "x */")]
    [TestCase("/* */ */", "*/")]
    [TestCase("/*   */", " ")]
    [TestCase("/* kubernetes service nodeports; NOTE: this must be the last rule in this chain */", "kubernetes service nodeports; NOTE: this must be the last rule in this chain")]
    public void Comment_text_is_read_raw(string extras, string comment)
    {
        var rule = ListingSample.ParseRule("RETURN", "0", extras);
        Assert.That(rule.Matches, Is.EqualTo(Matches(new CommentMatch(comment))));
    }

    [Test]
    public void A_comment_ends_at_the_last_close_after_which_the_text_still_reads()
    {
        // "x */ tcp dpt:80" as a comment, followed by the tcp match.
        var rule = ListingSample.ParseRule("ACCEPT", "6", "/* x */ tcp dpt:80 */ tcp dpt:81");
        Assert.That(rule.Matches, Is.EqualTo(Matches(new CommentMatch("x */ tcp dpt:80"), new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(81)) })));
    }

    [Test]
    public void Two_adjacent_comments_read_as_one_which_the_equivalence_merges_alike()
    {
        // A listing cannot tell "-m comment --comment first -m comment --comment second" from one
        // comment "first */ /* second"; the parser takes the longest comment.
        var rule = ListingSample.ParseRule("ACCEPT", "0", "/* first */ /* second */");
        Assert.That(rule.Matches, Is.EqualTo(Matches(new CommentMatch("first */ /* second"))));
        var fromSave = new Rule { Matches = Matches(new CommentMatch("first"), new CommentMatch("second")), Target = VerdictTarget.Accept };
        var mappedListing = Map(rule);
        Assert.That(Map(fromSave), Is.EqualTo(mappedListing));
    }

    [Test]
    public void Comments_before_and_after_other_matches_keep_their_places()
    {
        var after = ListingSample.ParseRule("RETURN", "17", "udp dpt:!53 /* udp negated port */");
        Assert.That(after.Matches, Is.EqualTo(Matches(new UdpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(53), true) }, new CommentMatch("udp negated port"))));
        var between = ListingSample.ParseRule("REJECT", "6", "multiport dports 80,443,8000:8080 /* multiport \"quoted\" 'single' back\\slash */ reject-with icmp-port-unreachable");
        Assert.That(between.Matches[1], Is.EqualTo(new CommentMatch("multiport \"quoted\" 'single' back\\slash")));
        Assert.That(between.Target, Is.EqualTo(new RejectTarget()));
    }

    [Test]
    public void Comment_text_that_looks_like_target_options_stays_in_the_comment()
    {
        var rule = ListingSample.ParseRule("DNAT", "6", "/* to:1.2.3.4 */ tcp to:10.0.0.1:80");
        Assert.That(rule.Matches, Is.EqualTo(Matches(new CommentMatch("to:1.2.3.4"), new TcpMatch())));
        Assert.That(rule.Target, Is.EqualTo(new DnatTarget(NatRange.To(IpAddress.Parse("10.0.0.1"), 80))));
    }

    [Test]
    public void The_v8_comment_vector_reads_every_comment_whole()
    {
        var table = ListingParser.Parse(TestData.Vector("v8-comments.legacy.L-v-n-nat.txt")).Table;
        var comments = table.FindChain("PREROUTING")!.Rules.Select(r => ((CommentMatch)r.Matches.Single()).Text).ToArray();
        Assert.That(comments, Has.Length.EqualTo(10));
        Assert.That(comments[4], Is.EqualTo(string.Empty));
        Assert.That(comments[5], Is.EqualTo("a\\b \"q\" 's'"));
        Assert.That(comments[8], Is.EqualTo("/* nested */"));
        Assert.That(comments[9], Has.Length.EqualTo(255));
    }

    private static Rule Map(Rule rule)
    {
        var table = new Table("filter", new[] { new Chain("INPUT", ChainPolicy.Accept, rules: new[] { rule }.ToValueList()) }.ToValueList());
        return ListingEquivalence.Map(table, ListingForm.Numeric, IpFamily.V4).Chains[0].Rules[0];
    }
}
