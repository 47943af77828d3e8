using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Tests.Properties;

/// <summary>
/// What iptables-save prints after a restore script that declares only some chains of a fresh
/// table (kube-proxy's <c>--noflush</c> content): the table's built-in chains with policy ACCEPT
/// and unknown counters, built-ins in hook order, then user chains by <c>strcmp</c>.
/// </summary>
public static class RestoreContent
{
    private static readonly Dictionary<string, string[]> Builtins = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["filter"] = new[] { "INPUT", "FORWARD", "OUTPUT" },
        ["nat"] = new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" },
        ["mangle"] = new[] { "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING" },
        ["raw"] = new[] { "PREROUTING", "OUTPUT" },
    };

    /// <summary>The tables of <paramref name="content"/> as a fresh node would save them.</summary>
    public static RuleSet AsSaved(RuleSet content)
    {
        var tables = new List<Table>();
        foreach (var table in content.Tables)
        {
            var chains = new List<Chain>();
            foreach (var name in Builtins[table.Name]) chains.Add(table.FindChain(name) ?? new Chain(name, ChainPolicy.Accept));
            var user = new List<Chain>();
            foreach (var chain in table.Chains)
            {
                if (Array.IndexOf(Builtins[table.Name], chain.Name) < 0) user.Add(chain);
            }
            user.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            chains.AddRange(user);
            tables.Add(table with { Chains = chains.ToValueList() });
        }
        return content with { Tables = tables.ToValueList() };
    }

    /// <summary>
    /// Null when every chain of kube-proxy's restore content is, rule for rule, the chain of the
    /// same name in the whole node's tables (the node adds chains, it never changes kube-proxy's).
    /// </summary>
    public static string? ProblemAsPartOf(RuleSet content, RuleSet node)
    {
        foreach (var table in content.Tables)
        {
            var nodeTable = node.FindTable(table.Name);
            if (nodeTable is null) return "the node has no table " + table.Name;
            foreach (var chain in table.Chains)
            {
                var nodeChain = nodeTable.FindChain(chain.Name);
                if (nodeChain is null) return table.Name + ": the node has no chain " + chain.Name;
                if (nodeChain.Rules != chain.Rules)
                {
                    return table.Name + "/" + chain.Name + " differs between the restore content and the node:\n"
                        + NatDsl.Formats.Save.SaveRenderer.RenderTable(table with { Chains = new[] { chain }.ToValueList() })
                        + "---\n" + NatDsl.Formats.Save.SaveRenderer.RenderTable(nodeTable with { Chains = new[] { nodeChain }.ToValueList() });
                }
            }
        }
        return null;
    }
}
