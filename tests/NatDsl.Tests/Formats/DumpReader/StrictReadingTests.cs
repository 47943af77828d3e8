using NatDsl.Formats;
using NUnit.Framework;
using Reader = NatDsl.Formats.DumpReader;

namespace NatDsl.Tests.Formats.DumpReader;

/// <summary>Strict reading (the default): anything that is not a dump is an error with its place.</summary>
public class StrictReadingTests
{
    [Test]
    public void The_seed_as_given_in_a_note_is_an_error_at_its_first_line()
    {
        var e = Assert.Throws<DumpParseException>(() => Reader.Read(TestData.Read("golden", "seed-as-given.md"), "seed-as-given.md"))!;
        Assert.That(e.Source, Is.EqualTo("seed-as-given.md"));
        Assert.That(e.Line, Is.EqualTo(1));
        Assert.That(e.Column, Is.EqualTo(1));
        Assert.That(e.LineText, Is.EqualTo("```"));
        Assert.That(e.Problem, Does.StartWith("not an iptables dump"));
        Assert.That(e.Problem, Does.Contain("lenient"));
        Assert.That(Reader.Detect(TestData.Read("golden", "seed-as-given.md")), Is.Null);
    }

    [Test]
    public void Prose_is_located_at_its_first_word()
    {
        var e = Assert.Throws<DumpParseException>(() => Reader.Read("\n\n   hello world\n", "note.txt"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((3, 4)));
    }

    [Test]
    public void Text_after_a_listing_is_an_error_at_its_line()
    {
        var text = TestData.Seed + "\nthanks for looking\n";
        var e = Assert.Throws<DumpParseException>(() => Reader.Read(text, "seed"))!;
        Assert.That(e.Line, Is.EqualTo(137));
        Assert.That(e.LineText, Is.EqualTo("thanks for looking"));
    }

    [Test]
    public void Text_after_save_output_is_an_error_at_its_line()
    {
        var save = TestData.Vector("v1-seed-nat.legacy.save-nat.txt");
        var lines = save.Split('\n').Length;
        var e = Assert.Throws<DumpParseException>(() => Reader.Read(save + "hello\n", "save"))!;
        Assert.That(e.Line, Is.EqualTo(lines));
    }

    [TestCase("")]
    [TestCase("\n  \n")]
    [TestCase("# only a comment\n")]
    public void Empty_input_is_an_error(string text)
    {
        var e = Assert.Throws<DumpParseException>(() => Reader.Read(text, "empty"))!;
        Assert.That(e.Line, Is.EqualTo(1));
        Assert.That(e.Problem, Does.StartWith("no iptables dump"));
    }

    [Test]
    public void A_malformed_listing_reports_the_parsers_location()
    {
        var text = TestData.Seed.Replace("(policy ACCEPT 422 packets, 27882 bytes)", "(policy ACCEPT 422 packets, 27882 frogs)");
        var e = Assert.Throws<DumpParseException>(() => Reader.Read(text, "seed"))!;
        Assert.That(e.Line, Is.EqualTo(5));
        Assert.That(e.Column, Is.GreaterThan(1));
    }
}
