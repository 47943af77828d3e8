using System;
using System.IO;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Decides whether real-iptables tests can run here. Outside CI they are skipped, with the
/// reason, where the machine cannot run them (not root, no <c>ip netns</c>, no iptables); with
/// <c>CI=true</c> the same condition fails the test, so CI can never pass them by skipping.
/// </summary>
public static class RealIptables
{
    private static readonly Lazy<string?> Unavailable = new Lazy<string?>(Probe);

    /// <summary>Skips (or in CI fails) the current test when real iptables cannot be used.</summary>
    public static void Require()
    {
        var reason = Unavailable.Value;
        if (reason is null) return;
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (inCi) Assert.Fail("real-iptables test cannot run in CI: " + reason);
        TestContext.Progress.WriteLine("skipped real-iptables test: " + reason);
        Assert.Ignore("real iptables unavailable: " + reason);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        try
        {
            var id = ProcessRunner.Run("id", new[] { "-u" });
            if (id.StandardOutput.Trim() != "0") return "not running as root";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "cannot run id: " + e.Message;
        }
        foreach (var tool in new[] { "iptables-legacy-restore", "iptables-nft-restore", "ip6tables-legacy-restore", "ip6tables-nft-restore" })
        {
            if (!OnPath(tool)) return tool + " is not installed (apt-get install iptables)";
        }
        if (!OnPath("ip")) return "ip (iproute2) is not installed";
        try
        {
            using var ns = NetworkNamespace.Create("probe");
            var r = ns.Exec("iptables-legacy", "-t", "nat", "-L", "-n");
            if (r.ExitCode != 0) return "iptables-legacy does not work in a namespace: " + r;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
        return null;
    }

    private static bool OnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, program))) return true;
        }
        foreach (var dir in new[] { "/usr/sbin", "/sbin" })
        {
            if (File.Exists(Path.Combine(dir, program))) return true;
        }
        return false;
    }
}
