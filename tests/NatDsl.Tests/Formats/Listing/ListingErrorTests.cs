using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>Bad input is a <see cref="DumpParseException"/> with the source, line and column.</summary>
public class ListingErrorTests
{
    private const string Header = "target     prot opt source               destination         ";
    private const string VerboseHeader = " pkts bytes target     prot opt in     out     source               destination         ";
    private const string ExactHeader = "    pkts      bytes target     prot opt in     out     source               destination         ";

    private static DumpParseException Fails(string text)
    {
        var error = Assert.Throws<DumpParseException>(() => ListingParser.Parse(text, "node1.txt"))!;
        Assert.That(error.Source, Is.EqualTo("node1.txt"));
        Assert.That(error.Message, Does.StartWith("node1.txt:" + error.Line + ":" + error.Column + ": "));
        return error;
    }

    [TestCase("Chain INPUT policy ACCEPT\n" + Header + "\n", 1, 13)]
    [TestCase("Chain INPUT (policy MAYBE)\n" + Header + "\n", 1, 21)]
    [TestCase("Chain INPUT (policy ACCEPT 1 packets)\n" + VerboseHeader + "\n", 1, 28)]
    [TestCase("Chain KUBE (many references)\n" + Header + "\n", 1, 13)]
    [TestCase("Chain\n" + Header + "\n", 1, 1)]
    [TestCase("Table INPUT (policy ACCEPT)\n" + Header + "\n", 1, 1)]
    public void Malformed_chain_header(string text, int line, int column)
    {
        var error = Fails(text);
        Assert.That((error.Line, error.Column), Is.EqualTo((line, column)));
    }

    [Test]
    public void Missing_or_unknown_column_header()
    {
        Assert.That(Fails("Chain INPUT (policy ACCEPT)\n").Line, Is.EqualTo(1));
        var error = Fails("Chain INPUT (policy ACCEPT)\ntarget prot opt source destination\n");
        Assert.That((error.Line, error.Column), Is.EqualTo((2, 1)));
        Assert.That(error.Problem, Does.Contain("column header"));
    }

    [Test]
    public void Policy_counters_must_match_the_form()
    {
        var missing = Fails("Chain INPUT (policy ACCEPT)\n" + VerboseHeader + "\n");
        Assert.That(missing.Line, Is.EqualTo(1));
        var extra = Fails("Chain INPUT (policy ACCEPT 1 packets, 2 bytes)\n" + Header + "\n");
        Assert.That((extra.Line, extra.Column), Is.EqualTo((1, 28)));
        var rounded = Fails("Chain INPUT (policy ACCEPT 100K packets, 2 bytes)\n" + ExactHeader + "\n");
        Assert.That((rounded.Line, rounded.Column), Is.EqualTo((1, 28)));
        var bad = Fails("Chain INPUT (policy ACCEPT 1 packets, 2x bytes)\n" + VerboseHeader + "\n");
        Assert.That((bad.Line, bad.Column), Is.EqualTo((1, 39)));
    }

    [Test]
    public void Bad_counter()
    {
        var text = "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n" + VerboseHeader + "\n"
            + "    0   1x4 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n";
        var error = Fails(text);
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 9)));
        Assert.That(error.Problem, Does.Contain("byte counter"));
        Assert.That(error.LineText, Does.StartWith("    0   1x4 ACCEPT"));
    }

    [Test]
    public void Rounded_counter_in_an_exact_listing()
    {
        var text = "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n" + ExactHeader + "\n"
            + "    100K        0 ACCEPT     0    --  *      *       0.0.0.0/0            0.0.0.0/0           \n";
        var error = Fails(text);
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 5)));
    }

    [TestCase("ACCEPT     0    --  10.0.0.300           0.0.0.0/0           ", 21, "source")]
    [TestCase("ACCEPT     0    --  0.0.0.0/0            10.0.0.0/33         ", 42, "destination")]
    [TestCase("ACCEPT     0    --  10.0.0.1/8           0.0.0.0/0           ", 21, "source")]
    [TestCase("ACCEPT     0    --  0.0.0.0/0            ::/0                ", 42, "family")]
    public void Bad_address(string rule, int column, string problem)
    {
        var error = Fails("Chain INPUT (policy ACCEPT)\n" + Header + "\n" + rule + "\n");
        Assert.That((error.Line, error.Column), Is.EqualTo((3, column)));
        Assert.That(error.Problem, Does.Contain(problem));
    }

    [TestCase("ACCEPT", 7)]
    [TestCase("ACCEPT     0 ", 14)]
    [TestCase("ACCEPT     0    --  0.0.0.0/0", 30)]
    [TestCase("ACCEPT     0    --  0.0.0.0/0            ", 42)]
    public void Truncated_rule_line(string rule, int column)
    {
        var error = Fails("Chain INPUT (policy ACCEPT)\n" + Header + "\n" + rule + "\n");
        Assert.That((error.Line, error.Column), Is.EqualTo((3, column)));
        Assert.That(error.Problem, Does.Contain("truncated").Or.Contain("expected"));
    }

    [TestCase("ACCEPT     foo  --  0.0.0.0/0            0.0.0.0/0           ", 12, "unknown protocol")]
    [TestCase("ACCEPT     0    xx  0.0.0.0/0            0.0.0.0/0           ", 17, "option column")]
    [TestCase("ACCEPT     0    --  0.0.0.0/0 0.0.0.0/0", 31, "padding")]
    [TestCase("ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0           x", 62, "space before")]
    [TestCase("ACCEPT     0        0.0.0.0/0            0.0.0.0/0           ", 17, "blank option")]
    public void Bad_columns(string rule, int column, string problem)
    {
        var error = Fails("Chain INPUT (policy ACCEPT)\n" + Header + "\n" + rule + "\n");
        Assert.That((error.Line, error.Column), Is.EqualTo((3, column)));
        Assert.That(error.Problem, Does.Contain(problem));
    }

    [Test]
    public void Empty_listing()
    {
        Assert.That(Fails(string.Empty).Line, Is.EqualTo(1));
        Assert.That(Fails("\n\n").Problem, Does.Contain("empty"));
    }

    [Test]
    public void Column_headers_of_two_forms()
    {
        var error = Fails("Chain INPUT (policy ACCEPT)\n" + Header + "\n\nChain X (0 references)\n" + VerboseHeader + "\n");
        Assert.That((error.Line, error.Column), Is.EqualTo((5, 1)));
    }

    [Test]
    public void A_chain_listed_twice()
    {
        var error = Fails("Chain X (0 references)\n" + Header + "\n\nChain X (0 references)\n" + Header + "\n");
        Assert.That((error.Line, error.Column), Is.EqualTo((4, 7)));
    }

    [Test]
    public void Garbage_between_chains_is_an_error_not_a_skip()
    {
        var error = Fails("Chain INPUT (policy ACCEPT)\n" + Header + "\n\nsome prose\n");
        Assert.That((error.Line, error.Column), Is.EqualTo((4, 1)));
    }
}
