using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>
/// A fresh network namespace for one test, deleted on dispose; programs run inside it with
/// <c>ip netns exec</c>. <see cref="Require"/> skips the test (fails it with <c>CI=true</c>, as
/// the runtime's real-iptables tests do) where namespaces and iptables are not available.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private static int _counter;
    private bool _disposed;

    private NetworkNamespace(string name)
    {
        Name = name;
    }

    /// <summary>The namespace name: <c>natdsl-e2e-PID-N</c>.</summary>
    public string Name { get; }

    /// <summary>Skips (or in CI fails) the current test when it cannot create namespaces and run iptables.</summary>
    public static void Require()
    {
        var reason = Unavailable();
        if (reason is null) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail("real-iptables test cannot run in CI: " + reason);
        Assert.Ignore("real iptables unavailable: " + reason);
    }

    /// <summary>Creates a namespace (the test fails when <c>ip netns add</c> does).</summary>
    public static NetworkNamespace Create()
    {
        var name = "natdsl-e2e-" + Environment.ProcessId + "-" + Interlocked.Increment(ref _counter);
        var added = Run("ip", null, "netns", "add", name);
        Assert.That(added.ExitCode, Is.EqualTo(0), "ip netns add: " + added);
        return new NetworkNamespace(name);
    }

    /// <summary>Runs <paramref name="program"/> inside the namespace with <paramref name="stdin"/> as standard input.</summary>
    public CliResult Exec(string? stdin, string program, params string[] args)
    {
        var all = new string[args.Length + 4];
        all[0] = "netns";
        all[1] = "exec";
        all[2] = Name;
        all[3] = Which(program) ?? program;
        Array.Copy(args, 0, all, 4, args.Length);
        return Run("ip", stdin, all);
    }

    /// <summary>Deletes the namespace.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Run("ip", null, "netns", "del", Name);
    }

    private static CliResult Run(string program, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Which(program) ?? program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Cli.Exec(start, stdin);
    }

    private static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        if (Environment.UserName != "root") return "not running as root";
        foreach (var program in new[] { "ip", "iptables-restore", "iptables-save" })
        {
            if (Which(program) is null) return program + " is not installed";
        }
        return null;
    }

    /// <summary>The full path of <paramref name="program"/> on PATH or in /usr/sbin, /sbin; null when absent.</summary>
    private static string? Which(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, program))) return Path.Combine(dir, program);
        }
        foreach (var dir in new[] { "/usr/sbin", "/sbin" })
        {
            if (File.Exists(Path.Combine(dir, program))) return Path.Combine(dir, program);
        }
        return null;
    }
}
