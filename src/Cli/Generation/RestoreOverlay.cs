using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Cli.Generation;

/// <summary>
/// What a node's tables look like after kube-proxy applies a restore script to them with
/// <c>iptables-restore --noflush</c>: every user chain the script declares replaces the node's
/// chain of that name (or is added), the other chains stay, and service chains of the node that
/// the script no longer declares are deleted, as kube-proxy deletes stale chains.
/// </summary>
internal static class RestoreOverlay
{
    private static readonly string[] ServiceChainPrefixes = { "KUBE-SVC-", "KUBE-SVL-", "KUBE-EXT-", "KUBE-FW-", "KUBE-SEP-", "KUBE-XLB-" };

    /// <summary>
    /// Whether <paramref name="script"/> is a <c>--noflush</c> script like kube-proxy's (no rule in a
    /// built-in chain) rather than a whole dump.
    /// </summary>
    public static bool IsNoFlushScript(RuleSet script)
    {
        foreach (var table in script.Tables)
        {
            foreach (var chain in table.Chains)
            {
                if (chain.IsBuiltin && chain.Rules.Count > 0) return false;
            }
        }
        return true;
    }

    /// <summary>The tables of <paramref name="node"/> with <paramref name="script"/> applied (tables the node lacks are skipped).</summary>
    public static RuleSet Apply(RuleSet node, RuleSet script)
    {
        var tables = new List<Table>();
        foreach (var table in node.Tables)
        {
            var scriptTable = script.FindTable(table.Name);
            tables.Add(scriptTable is null ? table : Apply(table, scriptTable));
        }
        return node with { Tables = tables.ToValueList() };
    }

    private static Table Apply(Table node, Table script)
    {
        var declared = new Dictionary<string, Chain>(StringComparer.Ordinal);
        foreach (var chain in script.Chains)
        {
            if (!chain.IsBuiltin) declared[chain.Name] = chain;
        }
        var chains = new List<Chain>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chain in node.Chains)
        {
            if (declared.TryGetValue(chain.Name, out var replacement))
            {
                chains.Add(replacement);
                placed.Add(chain.Name);
            }
            else if (!IsServiceChain(chain.Name))
            {
                chains.Add(chain);
            }
        }
        foreach (var chain in script.Chains)
        {
            if (!chain.IsBuiltin && !placed.Contains(chain.Name)) chains.Add(chain);
        }
        return node with { Chains = chains.ToValueList() };
    }

    private static bool IsServiceChain(string name)
    {
        foreach (var prefix in ServiceChainPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
