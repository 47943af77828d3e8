using NatDsl.Cli.Presentation;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Presentation;

/// <summary>The text of the progress line.</summary>
public class ProgressLineTests
{
    [Test]
    public void Bytes_of_a_known_size_show_the_percentage_and_the_size()
    {
        Assert.That(ProgressLine.Render("reading node.rules", ProgressUnit.Bytes, 5_200_000, 12_345_678, frame: 0),
            Is.EqualTo("natdsl: reading node.rules  42% (12.3 MB)"));
    }

    [Test]
    public void Bytes_of_an_unknown_size_show_the_amount_and_a_spinner()
    {
        Assert.That(ProgressLine.Render("reading <stdin>", ProgressUnit.Bytes, 12_345_678, -1, frame: 1),
            Is.EqualTo("natdsl: reading <stdin>  12.3 MB /"));
    }

    [Test]
    public void Items_show_done_of_total()
    {
        Assert.That(ProgressLine.Render("writing rule sets", ProgressUnit.Items, 3, 12, frame: 7), Is.EqualTo("natdsl: writing rule sets  3/12"));
        Assert.That(ProgressLine.Render("writing rule sets", ProgressUnit.Items, 13, 12, frame: 7), Is.EqualTo("natdsl: writing rule sets  12/12"), "clamped");
    }

    [TestCase(0, "|")]
    [TestCase(1, "/")]
    [TestCase(2, "-")]
    [TestCase(3, "\\")]
    [TestCase(4, "|")]
    [TestCase(-1, "\\")]
    public void A_phase_without_measure_shows_a_spinner_turned_by_the_frame(int frame, string spinner)
    {
        Assert.That(ProgressLine.Render("parsing node.rules", ProgressUnit.None, 0, -1, frame), Is.EqualTo("natdsl: parsing node.rules  " + spinner));
    }

    [Test]
    public void A_line_wider_than_the_terminal_is_shortened_so_that_it_never_wraps()
    {
        var line = ProgressLine.Render("parsing a-very-long-directory/with-a-long-file-name.rules", ProgressUnit.None, 0, -1, 0, width: 30);
        Assert.That(line, Has.Length.EqualTo(29));
        Assert.That(line, Is.EqualTo("natdsl: parsing a-very-long-…"));
        Assert.That(ProgressLine.Render("parsing x", ProgressUnit.None, 0, -1, 0, width: 0), Is.EqualTo("natdsl: parsing x  |"), "0: width unknown");
    }

    [TestCase(0L, 100L, 0)]
    [TestCase(42L, 100L, 42)]
    [TestCase(999L, 1000L, 99)]
    [TestCase(1000L, 1000L, 100)]
    [TestCase(2000L, 1000L, 100)]
    [TestCase(-5L, 1000L, 0)]
    [TestCase(0L, 0L, 100)]
    public void Percent_is_whole_and_clamped(long done, long total, int percent)
    {
        Assert.That(ProgressLine.Percent(done, total), Is.EqualTo(percent));
    }

    [TestCase(0L, "0 B")]
    [TestCase(999L, "999 B")]
    [TestCase(1000L, "1.0 kB")]
    [TestCase(12_345L, "12.3 kB")]
    [TestCase(999_949L, "999.9 kB")]
    [TestCase(999_960L, "1.0 MB")]
    [TestCase(12_345_678L, "12.3 MB")]
    [TestCase(1_500_000_000L, "1.5 GB")]
    public void Byte_counts_read_as_people_read_them(long bytes, string text)
    {
        Assert.That(ProgressLine.Bytes(bytes), Is.EqualTo(text));
    }
}
