using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Model;

namespace NatDsl.Tests.Integration;

/// <summary>
/// The chains a table holds as iptables 1.8.9 prints them (iptables-formats.md §2.1): the table's
/// built-in chains in hook order, then user chains in byte order of their names.
/// </summary>
public static class IptablesChainOrder
{
    /// <summary>The built-in chains of a table in hook order.</summary>
    public static IReadOnlyList<string> Builtins(string table) => table switch
    {
        "nat" => new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" },
        "filter" => new[] { "INPUT", "FORWARD", "OUTPUT" },
        "mangle" => new[] { "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING" },
        "raw" => new[] { "PREROUTING", "OUTPUT" },
        _ => throw new ArgumentException("unknown table " + table, nameof(table)),
    };

    /// <summary>
    /// The table a <c>--noflush</c> load of <paramref name="userChains"/> leaves in a namespace whose
    /// table was empty: empty built-ins (ACCEPT, zero counters) and the user chains sorted.
    /// </summary>
    public static Table WithEmptyBuiltins(string table, IEnumerable<Chain> userChains)
    {
        var chains = Builtins(table).Select(n => new Chain(n, ChainPolicy.Accept, Counters.Zero)).ToList();
        chains.AddRange(userChains.OrderBy(c => c.Name, StringComparer.Ordinal));
        return new Table(table, chains.ToValueList());
    }

    /// <summary>Chains that rules of <paramref name="table"/> jump to but that the table does not hold.</summary>
    public static IReadOnlyList<string> MissingJumpTargets(Table table)
    {
        var held = new HashSet<string>(table.Chains.Select(c => c.Name), StringComparer.Ordinal);
        return table.Chains.SelectMany(c => c.Rules).Select(r => r.Target).OfType<JumpTarget>()
            .Select(j => j.Chain).Where(n => !held.Contains(n)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
