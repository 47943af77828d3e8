using System.Linq;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NUnit.Framework;
using Reader = NatDsl.Formats.DumpReader;

namespace NatDsl.Tests.Formats.DumpReader;

/// <summary>Lenient reading: the dump inside other text, with every skipped line reported.</summary>
public class LenientReadingTests
{
    private static readonly DumpReadOptions Lenient = new DumpReadOptions { Lenient = true };

    [Test]
    public void The_seed_as_given_gives_exactly_the_seeds_model()
    {
        var given = TestData.Read("golden", "seed-as-given.md");
        var dump = Reader.Read(given, "seed-as-given.md", Lenient);
        var seed = ListingParser.Parse(TestData.Seed);
        Assert.That(dump.Format, Is.EqualTo(DumpFormat.Listing));
        Assert.That(dump.RuleSet, Is.EqualTo(seed.RuleSet));
        Assert.That(dump.Listing!.Form, Is.EqualTo(seed.Form));
        Assert.That(ListingRenderer.Render(dump.Listing), Is.EqualTo(TestData.Seed));
        Assert.That((dump.FirstLine, dump.LastLine), Is.EqualTo((10, 144)));

        var lines = given.Split('\n');
        Assert.That(dump.Skipped.Select(s => s.Line), Is.EqualTo(new[] { 1, 3, 5, 6, 9, 145 }));
        foreach (var skipped in dump.Skipped) Assert.That(skipped.Text, Is.EqualTo(lines[skipped.Line - 1]));
        Assert.That(dump.Skipped[0].Text, Is.EqualTo("```"));
        Assert.That(dump.Skipped[2].Text, Does.Contain("KUBE-SVC-N7RVRFO6KG6JK57Y"));
        Assert.That(dump.Skipped[4].Text, Is.EqualTo("``` bash"));
    }

    [Test]
    public void The_seed_as_given_with_crlf_line_ends_gives_the_same_model()
    {
        var given = TestData.Read("golden", "seed-as-given.md").Replace("\n", "\r\n");
        var dump = Reader.Read(given, "seed-as-given.md", Lenient);
        Assert.That(dump.RuleSet, Is.EqualTo(ListingParser.Parse(TestData.Seed).RuleSet));
        Assert.That(dump.Skipped.Select(s => s.Line), Is.EqualTo(new[] { 1, 3, 5, 6, 9, 145 }));
        Assert.That(dump.Skipped.All(s => !s.Text.Contains("\r")), Is.True);
    }

    [Test]
    public void Rule_lines_are_numbered_in_the_whole_input()
    {
        var given = TestData.Read("golden", "seed-as-given.md");
        var dump = Reader.Read(given, "seed-as-given.md", Lenient);
        var lines = given.Split('\n');
        var first = dump.FindRuleLine("PREROUTING", 0)!;
        Assert.That(first.Line, Is.EqualTo(12));
        foreach (var rule in dump.RuleLines) Assert.That(lines[rule.Line - 1], Is.EqualTo(rule.Text));
    }

    [Test]
    public void A_whole_dump_reads_the_same_in_lenient_mode()
    {
        var strict = Reader.Read(TestData.Seed);
        var lenient = Reader.Read(TestData.Seed, "<text>", Lenient);
        Assert.That(lenient.RuleSet, Is.EqualTo(strict.RuleSet));
        Assert.That(lenient.Skipped, Is.Empty);
    }

    [Test]
    public void A_quoted_listing_in_an_issue_is_found()
    {
        var quoted = string.Join("\n", TestData.Seed.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l));
        var issue = "### What happened\nThe service is not reachable. Listing:\n\n" + quoted + "\n\nAny idea?\n";
        var dump = Reader.Read(issue, "issue.md", Lenient);
        Assert.That(dump.RuleSet, Is.EqualTo(Reader.Read(TestData.Seed).RuleSet));
        Assert.That(dump.Skipped.Select(s => s.Text), Is.EqualTo(new[] { "### What happened", "The service is not reachable. Listing:", "Any idea?" }));
        Assert.That(dump.FirstLine, Is.EqualTo(4));
    }

    [Test]
    public void An_indented_save_dump_in_prose_is_found()
    {
        var save = TestData.Vector("v2-kube-full.legacy.save-c-nat.txt");
        var indented = string.Join("\n", save.TrimEnd('\n').Split('\n').Select(l => "    " + l));
        var note = "Dump of node 3:\n\n" + indented + "\n\nEnd of dump.\n";
        var dump = Reader.Read(note, "note.md", Lenient);
        Assert.That(dump.Format, Is.EqualTo(DumpFormat.Save));
        Assert.That(dump.RuleSet, Is.EqualTo(Reader.Read(save).RuleSet));
        Assert.That(dump.Skipped.Select(s => s.Line), Is.EqualTo(new[] { 1, save.TrimEnd('\n').Split('\n').Length + 4 }));
    }

    [Test]
    public void Rules_in_a_code_block_are_found()
    {
        var rules = TestData.Vector("v1-seed-nat.legacy.S-nat.txt");
        var note = "```\n" + rules + "```\n";
        var dump = Reader.Read(note, "note.md", Lenient);
        Assert.That(dump.Format, Is.EqualTo(DumpFormat.Rules));
        Assert.That(dump.RuleSet, Is.EqualTo(Reader.Read(rules).RuleSet));
        Assert.That(dump.Skipped, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_damaged_rule_ends_the_dump_and_the_rest_is_reported()
    {
        var lines = TestData.Seed.TrimEnd('\n').Split('\n');
        lines[130] = "garbage in the middle";
        var dump = Reader.Read(string.Join("\n", lines) + "\n", "seed", Lenient);
        Assert.That(dump.LastLine, Is.EqualTo(130));
        Assert.That(dump.Skipped.First().Line, Is.EqualTo(131));
        Assert.That(dump.Skipped.First().Text, Is.EqualTo("garbage in the middle"));
        Assert.That(dump.Skipped.Count, Is.EqualTo(lines.Skip(130).Count(l => l.Trim().Length > 0)));
    }

    [Test]
    public void Text_without_a_dump_is_an_error()
    {
        var e = Assert.Throws<DumpParseException>(() => Reader.Read("Nothing to see here.\n* a list item\n- another\n", "note.md", Lenient))!;
        Assert.That(e.Line, Is.EqualTo(1));
        Assert.That(e.Problem, Does.StartWith("no iptables dump found"));
    }

    [Test]
    public void A_broken_dump_start_is_reported_where_it_is()
    {
        var e = Assert.Throws<DumpParseException>(() => Reader.Read("Look:\n   Chain FOO (policy BOGUS)\n", "note.md", Lenient))!;
        var inner = Assert.Throws<DumpParseException>(() => ListingParser.Parse("Chain FOO (policy BOGUS)\n"))!;
        Assert.That(e.Line, Is.EqualTo(2));
        Assert.That(e.Column, Is.EqualTo(inner.Column + 3));
        Assert.That(e.LineText, Is.EqualTo("   Chain FOO (policy BOGUS)"));
        Assert.That(e.Problem, Is.EqualTo(inner.Problem));
    }

    [Test]
    public void A_later_dump_is_found_when_an_earlier_start_fails()
    {
        var text = "Chain broken (policy NOPE)\n\n" + TestData.Seed;
        var dump = Reader.Read(text, "x", Lenient);
        Assert.That(dump.RuleSet, Is.EqualTo(Reader.Read(TestData.Seed).RuleSet));
        Assert.That(dump.Skipped.Single().Line, Is.EqualTo(1));
    }
}
