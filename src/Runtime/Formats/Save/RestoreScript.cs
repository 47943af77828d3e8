using System;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// Restore scripts computed from two models: <see cref="Delta"/> writes a minimal
/// <c>iptables-restore --noflush</c> input (chains rewritten as kube-proxy's partial syncs do,
/// long chains edited rule by rule) that turns the rules of one model into those of another.
/// </summary>
public static class RestoreScript
{
    /// <summary>
    /// The <c>iptables-restore --noflush</c> input that turns <paramref name="old"/> (what the
    /// kernel holds) into <paramref name="new"/>. Per table, in one transaction:
    /// <list type="bullet">
    /// <item>new user chains are created and changed ones flushed by a chain line
    /// <c>:CHAIN - [0:0]</c>, then rewritten with <c>-A</c> lines;</item>
    /// <item>vanished user chains are flushed by a chain line, and deleted with <c>-X</c> after
    /// every rule line (every chain that jumped to them is rewritten or deleted in the same
    /// transaction, so they are unreferenced by then);</item>
    /// <item>a long chain (32 rules or more) with few changes (at most a quarter of its new
    /// length) is edited in place instead, with <c>-D CHAIN N</c> and <c>-I CHAIN N rule</c>
    /// lines in order (the shortest such script): a service added to KUBE-SERVICES costs one
    /// line, not thousands;</item>
    /// <item>a built-in chain whose rules changed is emptied with <c>-F CHAIN</c> and rewritten;
    /// one whose policy changed (or that is new, with its table) gets its chain line <c>:CHAIN POLICY [p:b]</c>;</item>
    /// <item>chains whose rules are unchanged (counters aside) are not mentioned, and a table
    /// without changes gets no section. A table only in <paramref name="old"/> is emptied
    /// (restore cannot remove a table). No changes at all give the empty string.</item>
    /// </list>
    /// Rule counters are ignored: the script carries no counters (the kernel zeroes them for
    /// rewritten rules).
    /// </summary>
    /// <exception cref="ArgumentException">The families differ, or <paramref name="new"/> jumps to a chain it does not have.</exception>
    public static string Delta(RuleSet old, RuleSet @new)
    {
        if (old is null) throw new ArgumentNullException(nameof(old));
        if (@new is null) throw new ArgumentNullException(nameof(@new));
        if (old.Family != @new.Family) throw new ArgumentException("the rule sets are of different address families (" + old.Family + " and " + @new.Family + ")", nameof(@new));
        var sb = new StringBuilder();
        foreach (var table in @new.Tables)
        {
            RestoreDeltaTable.Compute(old.FindTable(table.Name), table).AppendTo(sb);
        }
        foreach (var table in old.Tables)
        {
            if (@new.FindTable(table.Name) is null) RestoreDeltaTable.Compute(table, new Table(table.Name, EmptyBuiltins(table))).AppendTo(sb);
        }
        return sb.ToString();
    }

    private static ValueList<Chain> EmptyBuiltins(Table table)
    {
        var chains = new System.Collections.Generic.List<Chain>();
        foreach (var chain in table.Chains)
        {
            if (chain.IsBuiltin) chains.Add(new Chain(chain.Name, ChainPolicy.Accept, chain.Counters));
        }
        return chains.ToValueList();
    }
}
