using System;

namespace NatDsl.Formats.Save;

/// <summary>The built-in chains of the standard tables, and the hook order the tools list them in.</summary>
internal static class BuiltinChains
{
    private static readonly string[] Filter = { "INPUT", "FORWARD", "OUTPUT" };
    private static readonly string[] Nat = { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" };
    private static readonly string[] Mangle = { "PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING" };
    private static readonly string[] Raw = { "PREROUTING", "OUTPUT" };

    /// <summary>The built-in chains of a standard table in hook order, or null for another table.</summary>
    public static string[]? Of(string table) => table switch
    {
        "filter" => Filter,
        "nat" => Nat,
        "mangle" => Mangle,
        "raw" => Raw,
        "security" => Filter,
        _ => null,
    };

    /// <summary>The hook index of a built-in chain name (PREROUTING 0 … POSTROUTING 4), or 5 for other names.</summary>
    public static int HookIndex(string chain) => chain switch
    {
        "PREROUTING" => 0,
        "INPUT" => 1,
        "FORWARD" => 2,
        "OUTPUT" => 3,
        "POSTROUTING" => 4,
        _ => 5,
    };

    /// <summary>True when <paramref name="chain"/> is a built-in chain of the standard table <paramref name="table"/>.</summary>
    public static bool IsBuiltin(string table, string chain)
    {
        var names = Of(table);
        return names is not null && Array.IndexOf(names, chain) >= 0;
    }
}
