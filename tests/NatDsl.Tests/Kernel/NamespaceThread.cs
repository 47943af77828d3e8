using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;
using NatDsl.Tests.Integration;

namespace NatDsl.Tests.Kernel;

/// <summary>
/// A dedicated thread that has entered a test's network namespace (<c>setns</c>) and runs work
/// there. A socket belongs to the namespace it was created in for its whole life, so sockets
/// created on this thread listen and connect inside the namespace while the test uses them from
/// any thread; no helper process is started. The thread never runs anything but the work handed
/// to it, and it ends when disposed.
/// </summary>
public sealed class NamespaceThread : IDisposable
{
    private const int CloneNewNet = 0x40000000;

    private readonly BlockingCollection<Action> _work = new BlockingCollection<Action>();
    private readonly Thread _thread;
    private readonly TaskCompletionSource<bool> _entered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the thread and waits until it is inside <paramref name="ns"/>.</summary>
    public NamespaceThread(NetworkNamespace ns)
    {
        if (ns is null) throw new ArgumentNullException(nameof(ns));
        Namespace = ns;
        _thread = new Thread(() => Run(ns.Name)) { IsBackground = true, Name = "netns " + ns.Name };
        _thread.Start();
        if (!_entered.Task.Wait(TimeSpan.FromSeconds(10))) throw new TimeoutException("thread did not enter " + ns.Name);
        _entered.Task.GetAwaiter().GetResult();
    }

    /// <summary>The namespace the thread lives in.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>Runs <paramref name="work"/> on the thread (inside the namespace) and waits for its result.</summary>
    public T Invoke<T>(Func<T> work)
    {
        var done = InvokeAsync(work);
        if (!done.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("work in " + Namespace.Name + " did not finish");
        return done.GetAwaiter().GetResult();
    }

    /// <summary>Queues <paramref name="work"/> to the thread (inside the namespace); the task completes with its result.</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    private void Run(string name)
    {
        try
        {
            using var handle = File.OpenHandle("/run/netns/" + name, FileMode.Open, FileAccess.Read);
            if (setns(handle, CloneNewNet) != 0)
            {
                throw new InvalidOperationException("setns into " + name + " failed: errno " + Marshal.GetLastPInvokeError());
            }
        }
        catch (Exception e)
        {
            _entered.SetException(e);
            return;
        }
        _entered.SetResult(true);
        foreach (var work in _work.GetConsumingEnumerable()) work();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(SafeFileHandle fd, int nstype);

    /// <inheritdoc />
    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(10));
        _work.Dispose();
    }
}
