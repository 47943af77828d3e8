using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>Damaged input gives a located parse error or a model that renders and reparses to itself; never another exception.</summary>
public class ListingRobustnessTests
{
    [TestCase("seed")]
    [TestCase("v4-columns-and-extensions.legacy.L-v-n-filter.txt")]
    [TestCase("v5-ip6-nat.legacy.L-v-n-line-nat.txt")]
    [TestCase("v2-kube-full.derived-old-dialect.L-n-nat.txt")]
    public void Mutated_listings_fail_cleanly_or_parse_stably(string file)
    {
        var original = file == "seed" ? TestData.Seed : TestData.Vector(file);
        var random = new Random(20260401);
        const string alphabet = " !-/*:0123456789abcdefKMGT[]().,\"\n\t";
        int parsed = 0, failed = 0;
        for (var round = 0; round < 400; round++)
        {
            var text = new StringBuilder(original);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            ListingDocument document;
            try
            {
                document = ListingParser.Parse(text.ToString(), "mutant");
            }
            catch (DumpParseException e)
            {
                Assert.That(e.Line, Is.GreaterThanOrEqualTo(1));
                Assert.That(e.Column, Is.GreaterThanOrEqualTo(1));
                failed++;
                continue;
            }
            parsed++;
            var rendered = ListingRenderer.Render(document);
            var again = ListingParser.Parse(rendered, "rendered", document.Table.Name, document.Form.Family);
            // Rendering canonicalises chain order (a damaged built-in name sorts elsewhere); compare
            // under the document's own form, which keeps everything else.
            var before = ListingEquivalence.Map(document.RuleSet, document.Form, keepListingText: true);
            var after = ListingEquivalence.Map(again.RuleSet, document.Form, keepListingText: true);
            if (before != after) Assert.Fail("round " + round + ": reparsed model differs\n" + text);
            var renderedAgain = ListingRenderer.Render(again with { Form = document.Form });
            if (renderedAgain != rendered) Assert.Fail("round " + round + ": " + ListingRoundTripTests.FirstDifference(rendered, renderedAgain));
        }
        Assert.That(parsed, Is.GreaterThan(0));
        Assert.That(failed, Is.GreaterThan(0));
    }

    [Test]
    public void Pathological_comment_text_is_split_quickly()
    {
        var extras = string.Concat(Enumerable.Repeat("/* a */ ", 2000)) + string.Concat(Enumerable.Repeat("*/ /* ", 2000)) + "x */";
        var stopwatch = Stopwatch.StartNew();
        var rule = ListingSample.ParseRule("ACCEPT", "0", extras);
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(string.Concat(rule.Matches.Select(m => m.Module)), Does.Contain("comment"));
    }
}
