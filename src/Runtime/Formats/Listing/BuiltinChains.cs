using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>Hook order of built-in chains, listing chain order, and the table implied by the built-ins present.</summary>
internal static class BuiltinChains
{
    private static readonly string[] HookOrder = { "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING" };

    private static readonly (string Table, string[] Chains)[] Tables =
    {
        ("filter", new[] { "INPUT", "FORWARD", "OUTPUT" }),
        ("nat", new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" }),
        ("raw", new[] { "PREROUTING", "OUTPUT" }),
        ("mangle", HookOrder),
    };

    /// <summary>
    /// The table whose built-in chains are exactly <paramref name="builtins"/> (filter for
    /// INPUT/FORWARD/OUTPUT, also security's set); for a partial set the smallest table that has
    /// them all (nat before raw on a tie); <c>filter</c> when there are none.
    /// </summary>
    public static string InferTable(ICollection<string> builtins)
    {
        foreach (var (table, chains) in Tables)
        {
            if (chains.Length == builtins.Count && ContainsAll(chains, builtins)) return table;
        }
        if (builtins.Count == 0) return "filter";
        string? best = null;
        var bestSize = int.MaxValue;
        foreach (var (table, chains) in Tables)
        {
            if (ContainsAll(chains, builtins) && chains.Length < bestSize)
            {
                best = table;
                bestSize = chains.Length;
            }
        }
        return best ?? "filter";
    }

    /// <summary>
    /// The chains in listing order: built-ins in hook order (unknown built-in names after them, in
    /// model order), then user chains sorted by ordinal (strcmp) order.
    /// </summary>
    public static List<Chain> ListingOrder(IEnumerable<Chain> chains)
    {
        var builtins = new List<(int Hook, int Index, Chain Chain)>();
        var users = new List<Chain>();
        var index = 0;
        foreach (var chain in chains)
        {
            if (chain.IsBuiltin)
            {
                var hook = Array.IndexOf(HookOrder, chain.Name);
                builtins.Add((hook < 0 ? HookOrder.Length : hook, index++, chain));
            }
            else
            {
                users.Add(chain);
            }
        }
        builtins.Sort((a, b) => a.Hook != b.Hook ? a.Hook.CompareTo(b.Hook) : a.Index.CompareTo(b.Index));
        users.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var result = new List<Chain>();
        foreach (var (_, _, chain) in builtins) result.Add(chain);
        result.AddRange(users);
        return result;
    }

    private static bool ContainsAll(string[] chains, ICollection<string> names)
    {
        foreach (var name in names)
        {
            if (Array.IndexOf(chains, name) < 0) return false;
        }
        return true;
    }
}
