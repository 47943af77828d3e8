using System;
using System.Threading;

namespace NatDsl.Tests.Injection;

/// <summary>Samples the managed heap size every few milliseconds and keeps the peak.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    /// <summary>Starts sampling.</summary>
    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Baseline = GC.GetTotalMemory(true);
        _thread = new Thread(Run) { IsBackground = true, Name = "memory-sampler" };
        _thread.Start();
    }

    /// <summary>The heap size when sampling started.</summary>
    public long Baseline { get; }

    /// <summary>The largest heap size seen, above the baseline.</summary>
    public long Peak => Math.Max(0, Interlocked.Read(ref _peak) - Baseline);

    private void Run()
    {
        while (!_stop)
        {
            var now = GC.GetTotalMemory(false);
            if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
            Thread.Sleep(5);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
