using System;
using System.Collections.Generic;

namespace NatDsl.Tests.Integration;

/// <summary>One backend and family of real iptables inside a fresh namespace.</summary>
public sealed class IptablesSession : IDisposable
{
    private readonly NetworkNamespace _ns;

    private IptablesSession(NetworkNamespace ns, IptablesBackend backend, bool ipv6)
    {
        _ns = ns;
        Backend = backend;
        Ipv6 = ipv6;
    }

    /// <summary>The backend.</summary>
    public IptablesBackend Backend { get; }

    /// <summary>True for ip6tables.</summary>
    public bool Ipv6 { get; }

    /// <summary>The namespace the session runs in.</summary>
    public NetworkNamespace Namespace => _ns;

    /// <summary>Opens a session in a new namespace (call <see cref="RealIptables.Require"/> first).</summary>
    public static IptablesSession Open(IptablesBackend backend, bool ipv6 = false)
    {
        return new IptablesSession(NetworkNamespace.Create(backend == IptablesBackend.Legacy ? "l" : "n"), backend, ipv6);
    }

    /// <summary>Runs <c>iptables-restore</c> with the given flags, feeding <paramref name="script"/>.</summary>
    public ProcessResult Restore(string script, params string[] flags) =>
        _ns.ExecWithInput(script, NetworkNamespace.Tool(Backend, Ipv6, "-restore"), flags);

    /// <summary>Restores and throws when iptables-restore fails.</summary>
    public void RestoreOrThrow(string script, params string[] flags)
    {
        var r = Restore(script, flags);
        if (r.ExitCode != 0) throw new InvalidOperationException(NetworkNamespace.Tool(Backend, Ipv6, "-restore") + " rejected the script: " + r);
    }

    /// <summary><c>iptables-save [-c] -t TABLE</c>.</summary>
    public string Save(string table, bool counters = false)
    {
        var args = new List<string>();
        if (counters) args.Add("-c");
        args.Add("-t");
        args.Add(table);
        return Check(_ns.Exec(NetworkNamespace.Tool(Backend, Ipv6, "-save"), args.ToArray()));
    }

    /// <summary><c>iptables -t TABLE FLAGS…</c> (e.g. <c>-L -v -n -x</c>).</summary>
    public string Run(string table, params string[] flags)
    {
        var args = new List<string> { "-t", table };
        args.AddRange(flags);
        return Check(_ns.Exec(NetworkNamespace.Tool(Backend, Ipv6), args.ToArray()));
    }

    private string Check(ProcessResult r)
    {
        if (r.ExitCode != 0) throw new InvalidOperationException("iptables failed: " + r);
        return r.StandardOutput;
    }

    /// <inheritdoc />
    public void Dispose() => _ns.Dispose();
}
