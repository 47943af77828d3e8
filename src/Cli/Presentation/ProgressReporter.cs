using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace NatDsl.Cli.Presentation;

/// <summary>
/// Progress on standard error for work that takes a while: silent for the first second of a
/// command, then one line (<see cref="ProgressLine"/>) redrawn in place with <c>\r</c> while a
/// <see cref="ProgressPhase"/> is open, and erased when the phase ends, so that nothing of it is
/// left in the terminal. Shown only when standard error is a terminal and <c>--quiet</c> was not
/// given (<see cref="ShouldShow"/>); otherwise it writes nothing at all.
/// </summary>
/// <remarks>
/// The writer, the clock and the decision are injected, and <see cref="Tick"/> (what the timer
/// calls every 100 ms) can be called directly: the behaviour is tested without a terminal or
/// real time. Commands end their phases before they write results, so progress and output never
/// share a line.
/// </remarks>
public sealed class ProgressReporter : IDisposable
{
    /// <summary>How long a command works before progress appears.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    /// <summary>How often the console reporter redraws.</summary>
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new object();
    private readonly TextWriter _writer;
    private readonly Func<TimeSpan> _elapsed;
    private readonly TimeSpan _delay;
    private readonly Func<int> _width;
    private int? _measuredWidth;
    private readonly List<ProgressPhase> _phases = new List<ProgressPhase>();
    private Timer? _timer;
    private int _drawn;
    private int _frame;
    private bool _disposed;

    /// <summary>Creates a reporter.</summary>
    /// <param name="writer">Where the line is drawn (standard error).</param>
    /// <param name="elapsed">The time since the command started.</param>
    /// <param name="enabled">Whether anything is shown at all (<see cref="ShouldShow"/>).</param>
    /// <param name="delay">How long to stay silent (default <see cref="DefaultDelay"/>).</param>
    /// <param name="width">
    /// The terminal width (0: unknown, lines are not shortened), asked once, at the first redraw:
    /// asking the console sets the terminal up, which a command that ends within the delay must not do.
    /// </param>
    public ProgressReporter(TextWriter writer, Func<TimeSpan> elapsed, bool enabled, TimeSpan? delay = null, Func<int>? width = null)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _elapsed = elapsed ?? throw new ArgumentNullException(nameof(elapsed));
        Enabled = enabled;
        _delay = delay ?? DefaultDelay;
        _width = width ?? (() => 0);
    }

    /// <summary>A reporter that never writes (library calls, tests, <c>--quiet</c>).</summary>
    public static ProgressReporter Silent() => new ProgressReporter(TextWriter.Null, () => TimeSpan.Zero, enabled: false);

    /// <summary>Whether progress is shown: only on a terminal, and never with <c>--quiet</c>.</summary>
    public static bool ShouldShow(bool errorIsTerminal, bool quiet) => errorIsTerminal && !quiet;

    /// <summary>
    /// The reporter of a command run: on standard error, timed from now, redrawn every
    /// <see cref="RedrawInterval"/> by a timer when shown.
    /// </summary>
    public static ProgressReporter ForConsole(bool quiet)
    {
        var enabled = ShouldShow(Terminal.ProgressAllowed, quiet);
        if (!enabled) return Silent();
        var clock = Stopwatch.StartNew();
        var reporter = new ProgressReporter(Console.Error, () => clock.Elapsed, enabled: true, width: ErrorWidth);
        reporter._timer = new Timer(_ => reporter.Tick(), null, RedrawInterval, RedrawInterval);
        return reporter;
    }

    /// <summary>Whether this reporter shows anything.</summary>
    public bool Enabled { get; }

    /// <summary>Whether the line is on the screen now.</summary>
    public bool IsDrawn
    {
        get
        {
            lock (_gate) return _drawn > 0;
        }
    }

    /// <summary>Opens a phase; it is shown (after the delay) until disposed.</summary>
    /// <param name="what">What is being done: <c>parsing node.rules</c>.</param>
    /// <param name="unit">What <see cref="ProgressPhase.Report"/> counts.</param>
    /// <param name="total">The whole amount, or negative when unknown.</param>
    public ProgressPhase Begin(string what, ProgressUnit unit = ProgressUnit.None, long total = -1)
    {
        if (what is null) throw new ArgumentNullException(nameof(what));
        var phase = new ProgressPhase(this, what, unit, total);
        lock (_gate) _phases.Add(phase);
        return phase;
    }

    /// <summary>Redraws the line of the innermost open phase, once the delay has passed.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (!Enabled || _disposed) return;
            if (_phases.Count == 0)
            {
                EraseLocked();
                return;
            }
            if (_elapsed() < _delay) return;
            var phase = _phases[_phases.Count - 1];
            _measuredWidth ??= _width();
            var line = ProgressLine.Render(phase.What, phase.Unit, phase.Done, phase.Total, _frame++, _measuredWidth.Value);
            var pad = _drawn > line.Length ? new string(' ', _drawn - line.Length) : string.Empty;
            _writer.Write("\r" + line + pad);
            _writer.Flush();
            _drawn = line.Length;
        }
    }

    /// <summary>
    /// Writes a line of output while a phase is open: the progress line is erased first, and no
    /// redraw can come between (it comes back at the next tick).
    /// </summary>
    public void WriteLine(TextWriter writer, string line)
    {
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        lock (_gate)
        {
            EraseLocked();
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>Erases the line (it comes back at the next tick while a phase is open).</summary>
    public void Clear()
    {
        lock (_gate) EraseLocked();
    }

    internal void End(ProgressPhase phase)
    {
        lock (_gate)
        {
            _phases.Remove(phase);
            if (_phases.Count == 0) EraseLocked();
        }
    }

    /// <summary>Stops the timer and erases the line.</summary>
    public void Dispose()
    {
        Timer? timer;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            timer = _timer;
            _timer = null;
            EraseLocked();
            _phases.Clear();
        }
        timer?.Dispose();
    }

    private void EraseLocked()
    {
        if (_drawn == 0) return;
        _writer.Write("\r" + new string(' ', _drawn) + "\r");
        _writer.Flush();
        _drawn = 0;
    }

    private static int ErrorWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 0;
        }
    }
}
