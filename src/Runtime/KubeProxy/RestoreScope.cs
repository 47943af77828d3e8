using System;
using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>
/// What a restore script for a compiled rule set covers. For kube-proxy's own script
/// (<see cref="NoFlush"/>): the chains it owns and declares per table, applied with
/// <c>iptables-restore --noflush</c>, plus the hook rules it ensures separately. For the
/// self-contained variant: every chain of the tables, applied with a flushing restore (the hooks
/// are then already inside the built-in chains).
/// </summary>
public sealed record RestoreScope
{
    /// <summary>Whether the script must be applied with <c>--noflush</c> (kube-proxy's own script).</summary>
    public bool NoFlush { get; init; }

    /// <summary>The declared chains per table, tables in script order (filter, then nat).</summary>
    public ValueList<TableScope> Tables { get; init; } = ValueList<TableScope>.Empty;

    /// <summary>The hook rules, in the order they are ensured.</summary>
    public ValueList<HookRule> Hooks { get; init; } = ValueList<HookRule>.Empty;

    /// <summary>Whether the script declares (owns) <paramref name="chain"/> in <paramref name="table"/>.</summary>
    public bool Owns(string table, string chain)
    {
        foreach (var scope in Tables)
        {
            if (!string.Equals(scope.Table, table, StringComparison.Ordinal)) continue;
            foreach (var name in scope.Chains)
            {
                if (string.Equals(name, chain, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
