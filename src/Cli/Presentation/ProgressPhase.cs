using System;
using System.Threading;

namespace NatDsl.Cli.Presentation;

/// <summary>
/// One step of a command's work shown on the progress line while it lasts (<c>using</c> it ends
/// it). <see cref="Report"/> may be called as often as wanted: the line is redrawn by the
/// reporter's clock, not by the caller.
/// </summary>
public sealed class ProgressPhase : IDisposable
{
    private readonly ProgressReporter _reporter;
    private long _done;
    private long _total;

    internal ProgressPhase(ProgressReporter reporter, string what, ProgressUnit unit, long total)
    {
        _reporter = reporter;
        What = what;
        Unit = unit;
        _total = total;
    }

    /// <summary>What is being done (<c>parsing node.rules</c>).</summary>
    public string What { get; }

    /// <summary>What the amounts count.</summary>
    public ProgressUnit Unit { get; }

    /// <summary>The amount done so far.</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>The whole amount, negative when unknown.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Records the amount done (and the total when it became known).</summary>
    public void Report(long done, long? total = null)
    {
        Interlocked.Exchange(ref _done, done);
        if (total is { } t) Interlocked.Exchange(ref _total, t);
    }

    /// <summary>Ends the phase: the line goes back to the enclosing phase, or is cleared.</summary>
    public void Dispose() => _reporter.End(this);
}
