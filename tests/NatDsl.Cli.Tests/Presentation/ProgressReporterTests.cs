using System;
using System.IO;
using NatDsl.Cli.Presentation;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Presentation;

/// <summary>
/// When progress is shown and what it writes, with an injected writer and clock and the ticks
/// the console reporter's timer would make.
/// </summary>
public class ProgressReporterTests
{
    private TimeSpan _now;
    private StringWriter _out = null!;

    [SetUp]
    public void SetUp()
    {
        _now = TimeSpan.Zero;
        _out = new StringWriter();
    }

    [TearDown]
    public void TearDown() => _out.Dispose();

    private ProgressReporter Reporter(bool enabled = true, int width = 0) =>
        new ProgressReporter(_out, () => _now, enabled, TimeSpan.FromSeconds(1), () => width);

    [TestCase(true, false, true)]
    [TestCase(true, true, false)]
    [TestCase(false, false, false)]
    [TestCase(false, true, false)]
    public void Shown_only_on_a_terminal_and_never_with_quiet(bool errorIsTerminal, bool quiet, bool shown)
    {
        Assert.That(ProgressReporter.ShouldShow(errorIsTerminal, quiet), Is.EqualTo(shown));
    }

    [Test]
    public void Silent_for_the_first_second()
    {
        using var progress = Reporter();
        using var phase = progress.Begin("parsing node.rules");
        _now = TimeSpan.FromMilliseconds(999);
        progress.Tick();

        Assert.That(_out.ToString(), Is.Empty);
        Assert.That(progress.IsDrawn, Is.False);
    }

    [Test]
    public void After_a_second_the_line_is_redrawn_in_place_and_erased_when_the_phase_ends()
    {
        using var progress = Reporter();
        var phase = progress.Begin("parsing node.rules");
        _now = TimeSpan.FromSeconds(1);
        progress.Tick();
        progress.Tick();
        Assert.That(progress.IsDrawn, Is.True);
        phase.Dispose();

        var erase = "\r" + new string(' ', "natdsl: parsing node.rules  /".Length) + "\r";
        Assert.That(_out.ToString(), Is.EqualTo("\rnatdsl: parsing node.rules  |\rnatdsl: parsing node.rules  /" + erase));
        Assert.That(progress.IsDrawn, Is.False);
    }

    [Test]
    public void Reported_bytes_appear_at_the_next_tick()
    {
        using var progress = Reporter();
        using var phase = progress.Begin("reading node.rules", ProgressUnit.Bytes, 12_300_000);
        _now = TimeSpan.FromSeconds(2);
        phase.Report(5_166_000);
        progress.Tick();

        Assert.That(_out.ToString(), Is.EqualTo("\rnatdsl: reading node.rules  42% (12.3 MB)"));
    }

    [Test]
    public void The_end_of_an_inner_phase_gives_the_line_back_to_the_outer_one()
    {
        using var progress = Reporter();
        _now = TimeSpan.FromSeconds(5);
        using var outer = progress.Begin("compiling Rules.cs");
        using (progress.Begin("reading a-much-longer-name.rules"))
        {
            progress.Tick();
        }
        _out.GetStringBuilder().Clear();
        progress.Tick();

        var inner = "natdsl: reading a-much-longer-name.rules  |";
        var outerLine = "natdsl: compiling Rules.cs  /";
        Assert.That(_out.ToString(), Is.EqualTo("\r" + outerLine + new string(' ', inner.Length - outerLine.Length)), "redrawn over the inner line, its rest blanked");
    }

    [Test]
    public void A_redraw_over_a_longer_line_pads_it_with_spaces()
    {
        using var progress = Reporter();
        _now = TimeSpan.FromSeconds(5);
        using var phase = progress.Begin("reading <stdin>", ProgressUnit.Bytes);
        phase.Report(1_000_000);
        progress.Tick();
        phase.Report(999);
        _out.GetStringBuilder().Clear();
        progress.Tick();

        Assert.That(_out.ToString(), Is.EqualTo("\rnatdsl: reading <stdin>  999 B / "), "\"1.0 MB\" was one character longer than \"999 B\"");
    }

    [Test]
    public void Disabled_writes_nothing_ever()
    {
        var progress = Reporter(enabled: false);
        var phase = progress.Begin("parsing node.rules");
        _now = TimeSpan.FromMinutes(1);
        progress.Tick();
        phase.Dispose();
        progress.Clear();
        progress.Dispose();

        Assert.That(_out.ToString(), Is.Empty);
        Assert.That(ProgressReporter.Silent().Enabled, Is.False);
    }

    [Test]
    public void Nothing_is_drawn_between_phases()
    {
        using var progress = Reporter();
        _now = TimeSpan.FromSeconds(3);
        progress.Begin("parsing node.rules").Dispose();
        progress.Tick();

        Assert.That(_out.ToString(), Is.Empty);
    }

    [Test]
    public void Dispose_erases_the_line_and_later_ticks_draw_nothing()
    {
        var progress = Reporter();
        progress.Begin("comparing a with b");
        _now = TimeSpan.FromSeconds(3);
        progress.Tick();
        progress.Dispose();
        var written = _out.ToString();
        progress.Tick();

        Assert.That(written, Does.EndWith("\r" + new string(' ', "natdsl: comparing a with b  |".Length) + "\r"));
        Assert.That(_out.ToString(), Is.EqualTo(written));
    }

    [Test]
    public void Clear_erases_until_the_next_tick()
    {
        using var progress = Reporter();
        using var phase = progress.Begin("writing rule sets", ProgressUnit.Items, 2);
        _now = TimeSpan.FromSeconds(3);
        progress.Tick();
        progress.Clear();
        Assert.That(progress.IsDrawn, Is.False);
        progress.Tick();
        Assert.That(progress.IsDrawn, Is.True);
    }

    [Test]
    public void The_width_is_asked_once_and_only_when_drawing()
    {
        var asked = 0;
        using var progress = new ProgressReporter(_out, () => _now, true, TimeSpan.FromSeconds(1), () => { asked++; return 20; });
        using var phase = progress.Begin("parsing a-long-file-name.rules");
        progress.Tick();
        Assert.That(asked, Is.EqualTo(0), "not before the delay: asking the console sets the terminal up");
        _now = TimeSpan.FromSeconds(2);
        progress.Tick();
        progress.Tick();

        Assert.That(asked, Is.EqualTo(1));
        Assert.That(_out.ToString(), Does.StartWith("\rnatdsl: parsing a-…\r"));
    }

    [Test]
    public void Output_written_during_a_phase_goes_on_a_clean_line_and_the_progress_comes_back()
    {
        using var progress = Reporter();
        using var phase = progress.Begin("writing rule sets", ProgressUnit.Items, 2);
        _now = TimeSpan.FromSeconds(3);
        progress.Tick();
        progress.WriteLine(_out, "out/Blue.rules");
        progress.Tick();

        var line = "natdsl: writing rule sets  0/2";
        Assert.That(_out.ToString().Replace(Environment.NewLine, "\n"),
            Is.EqualTo("\r" + line + "\r" + new string(' ', line.Length) + "\rout/Blue.rules\n\r" + line));
    }
}
