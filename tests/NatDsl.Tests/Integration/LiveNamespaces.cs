using System;
using System.Collections.Generic;
using System.Linq;

namespace NatDsl.Tests.Integration;

/// <summary>The network namespaces this test process made (<c>natdsl-PID-…</c>) that still exist.</summary>
public static class LiveNamespaces
{
    /// <summary>The prefix of every namespace <see cref="NetworkNamespace"/> creates in this process.</summary>
    public static string Prefix => "natdsl-" + Environment.ProcessId + "-";

    /// <summary>The names <c>ip netns list</c> shows with <see cref="Prefix"/>; empty where <c>ip</c> cannot run.</summary>
    public static IReadOnlyList<string> OfThisProcess()
    {
        ProcessResult list;
        try
        {
            list = ProcessRunner.Run("ip", new[] { "netns", "list" });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return Array.Empty<string>();
        }
        if (list.ExitCode != 0) return Array.Empty<string>();
        return list.StandardOutput.Split('\n')
            .Select(l => l.Split(' ')[0].Trim())
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToList();
    }
}
