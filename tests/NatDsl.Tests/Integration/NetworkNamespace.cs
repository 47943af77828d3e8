using System;
using System.Collections.Generic;
using System.Threading;

namespace NatDsl.Tests.Integration;

/// <summary>
/// A fresh network namespace made for one test and deleted when disposed. Commands run inside
/// it with <c>ip netns exec</c>. Only addresses inside namespaces the test created are ever used.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private static int _counter;
    private bool _disposed;

    private NetworkNamespace(string name)
    {
        Name = name;
    }

    /// <summary>The namespace name (<c>natdsl-PID-N</c>).</summary>
    public string Name { get; }

    /// <summary>Creates a namespace; throws when <c>ip netns add</c> fails.</summary>
    public static NetworkNamespace Create(string purpose = "t")
    {
        var name = "natdsl-" + Environment.ProcessId + "-" + purpose + "-" + Interlocked.Increment(ref _counter);
        var result = ProcessRunner.Run("ip", new[] { "netns", "add", name });
        if (result.ExitCode != 0) throw new InvalidOperationException("ip netns add " + name + " failed: " + result);
        var ns = new NetworkNamespace(name);
        ns.Exec("ip", "link", "set", "lo", "up");
        return ns;
    }

    /// <summary>Runs a command inside the namespace.</summary>
    public ProcessResult Exec(string program, params string[] arguments) => ExecWithInput(null, program, arguments);

    /// <summary>Runs a command inside the namespace with standard input.</summary>
    public ProcessResult ExecWithInput(string? input, string program, params string[] arguments)
    {
        var all = new List<string> { "netns", "exec", Name, program };
        all.AddRange(arguments);
        return ProcessRunner.Run("ip", all.ToArray(), input, TimeSpan.FromSeconds(120));
    }

    /// <summary>The program name for a backend and family: <c>iptables-nft</c>, <c>ip6tables-legacy-save</c>…</summary>
    public static string Tool(IptablesBackend backend, bool ipv6, string suffix = "")
    {
        var family = ipv6 ? "ip6tables" : "iptables";
        var be = backend == IptablesBackend.Legacy ? "legacy" : "nft";
        return family + "-" + be + suffix;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        ProcessRunner.Run("ip", new[] { "netns", "del", Name });
    }
}
