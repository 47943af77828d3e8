using System;
using System.Globalization;
using System.IO;
using System.Text;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>
/// In a large dump the workers read chain lines too, and the table keeps no reference counts
/// until a <c>-X</c> asks for them, and does not sort chains that are already in order. Chain
/// lines of every form, chains declared out of order, and <c>-X</c> far into the dump must read
/// (or fail) exactly as in one pass.
/// </summary>
public class ChainLinesAheadTests
{
    [Test]
    public void Chain_lines_of_every_form_and_out_of_order_read_as_in_one_pass()
    {
        var chains = new StringBuilder(":PREROUTING DROP [3:4]\n:INPUT ACCEPT\n:OUTPUT ACCEPT [0:0]\n");
        chains.Append(":ZZ -\n:YY  -  [0:0]\n:XX\t-\t[0:0]\n:WW - [1:2]\n:VV - [0:0] \n");
        var text = Large(chains.ToString(), i => null, tail: "-A ZZ -j YY\n-A YY -j XX\n-A XX -j WW\n-A WW -j VV\n");
        foreach (var sort in new[] { true, false }) AssertSameAsOnePass(text, sort);
    }

    [TestCase(":YY - [0:0] extra\n", "unexpected text after the counters")]
    [TestCase(":YY ACCEPT [0:0]\n", "is not a built-in chain of table nat")]
    [TestCase(":YY - [a:0]\n", "invalid packet counter")]
    [TestCase(":C00001 - [0:0]\n", "is declared twice")]
    [TestCase(": YY - [0:0]\n", "missing chain name")]
    public void A_bad_chain_line_far_into_a_large_dump_is_reported_as_in_one_pass(string chainLine, string problem)
    {
        var text = Large(string.Empty, i => i == 50000 ? chainLine.TrimEnd('\n') : null, tail: string.Empty);
        Assert.That(AssertSameAsOnePass(text, sort: true), Does.Contain(problem));
    }

    [Test]
    public void Deleting_chains_far_into_a_large_dump_counts_the_rules_that_jump_to_them()
    {
        // Every rule jumps to a chain; -X of a chain still jumped to fails, after -F of the rules it succeeds.
        var referenced = Large(string.Empty, i => null, tail: "-X C00007\n");
        Assert.That(AssertSameAsOnePass(referenced, sort: true), Does.Contain("chain C00007 is still referenced"));
        var flushed = Large(string.Empty, i => null, tail: "-F X\n-F C00006\n-X C00007\n-N C00007\n-A C00007 -j ACCEPT\n-I X 1 -j C00007\n");
        Assert.That(AssertSameAsOnePass(flushed, sort: true), Is.Null);
        var all = Large(string.Empty, i => null, tail: "-F\n-X\n");
        Assert.That(AssertSameAsOnePass(all, sort: true), Is.Null);
    }

    [Test]
    public void A_chain_name_is_one_string_for_the_chain_and_every_jump_to_it()
    {
        // Chain lines and the rules jumping to them are read by different workers, which share
        // one table of strings: the rule set holds each name once.
        var text = Large(string.Empty, i => null, tail: string.Empty);
        using var reader = new StringReader(text);
        foreach (var document in new[] { SaveParser.Parse(text, "big.rules"), SaveParser.Parse(reader, "big.rules") })
        {
            var table = document.RuleSet.FindTable("nat")!;
            var jumps = 0;
            foreach (var rule in table.FindChain("X")!.Rules)
            {
                var jump = (JumpTarget)rule.Target!;
                Assert.That(jump.Chain, Is.SameAs(table.FindChain(jump.Chain)!.Name));
                jumps++;
            }
            Assert.That(jumps, Is.EqualTo(70000));
        }
    }

    /// <summary>
    /// A nat table of several megabytes: <paramref name="chains"/> first, then chain X and 2,000
    /// chains C00000...; 70,000 rules in X (rule <c>i</c> may be replaced) jumping to them, then <paramref name="tail"/>.
    /// </summary>
    private static string Large(string chains, Func<int, string?> replace, string tail)
    {
        var sb = new StringBuilder("*nat\n").Append(chains).Append(":X - [0:0]\n");
        for (var c = 0; c < 2000; c++) sb.Append(":C").Append(c.ToString("D5", CultureInfo.InvariantCulture)).Append(" - [0:0]\n");
        for (var i = 0; i < 70000; i++)
        {
            var line = replace(i) ?? "-A X -s 10." + (i / 65536).ToString(CultureInfo.InvariantCulture) + "." + (i / 256 % 256).ToString(CultureInfo.InvariantCulture) + "." + (i % 256).ToString(CultureInfo.InvariantCulture)
                + "/32 -p tcp -m comment --comment \"rule " + i.ToString(CultureInfo.InvariantCulture) + "\" -m tcp --dport 80 -j C" + (i % 2000).ToString("D5", CultureInfo.InvariantCulture);
            sb.Append(line).Append('\n');
        }
        var text = sb.Append(tail).Append("COMMIT\n").ToString();
        Assert.That(text.Length, Is.GreaterThan(1 << 22), "large enough to be split");
        return text;
    }

    /// <summary>Compares the whole-text and streamed parses with a single pass; returns the error message when all fail.</summary>
    private static string? AssertSameAsOnePass(string text, bool sort)
    {
        var (single, singleError) = Attempt(() => SaveParser.Parse(text, "big.rules", new SaveParseOptions { MaxDegreeOfParallelism = 1, SortChains = sort }));
        var (whole, wholeError) = Attempt(() => SaveParser.Parse(text, "big.rules", new SaveParseOptions { SortChains = sort }));
        var (streamed, streamedError) = Attempt(() =>
        {
            using var reader = new StringReader(text);
            return SaveParser.Parse(reader, "big.rules", new SaveParseOptions { SortChains = sort });
        });
        Assert.That(wholeError, Is.EqualTo(singleError), "whole text");
        Assert.That(streamedError, Is.EqualTo(singleError), "streamed");
        if (single is not null)
        {
            Assert.That(whole!.RuleSet, Is.EqualTo(single.RuleSet), "whole text");
            Assert.That(streamed!.RuleSet, Is.EqualTo(single.RuleSet), "streamed");
            Assert.That(SaveRenderer.Render(whole), Is.EqualTo(SaveRenderer.Render(single)));
        }
        return singleError;
    }

    private static (SaveDocument? Document, string? Error) Attempt(Func<SaveDocument> parse)
    {
        try
        {
            return (parse(), null);
        }
        catch (DumpParseException e)
        {
            return (null, e.Message);
        }
    }
}
