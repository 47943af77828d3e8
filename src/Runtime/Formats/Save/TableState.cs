using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A table while restore commands are applied to it: chains by name (built-ins of a standard
/// table always exist).
/// </summary>
internal sealed class TableState
{
    private const int CheckedJumpSlots = 64;

    private readonly Dictionary<string, ChainState> _chains;

    /// <summary>Rules jumping or going to each chain name, or null until <see cref="References"/> is first asked.</summary>
    private Dictionary<string, int>? _references;
    private int _order;

    /// <summary>The chain <see cref="Require"/> found last, by the very string it was asked for (forgotten when a chain is removed).</summary>
    private string? _lastName;
    private ChainState? _lastChain;

    /// <summary>Jump targets <see cref="CheckJump"/> found good, by the very string (forgotten when a chain is removed).</summary>
    private readonly string?[] _checkedJumps = new string?[CheckedJumpSlots];

    /// <param name="name">The table's name.</param>
    /// <param name="chains">About how many chains it will have (its chain map is sized for them).</param>
    public TableState(string name, int chains = 0)
    {
        Name = name;
        _chains = new Dictionary<string, ChainState>(Math.Max(chains, 0) + 8, StringComparer.Ordinal);
        var builtins = BuiltinChains.Of(name);
        if (builtins is null) return;
        foreach (var chain in builtins)
        {
            _chains.Add(chain, new ChainState(chain, builtin: true, order: int.MaxValue));
        }
    }

    public string Name { get; }

    /// <summary>True for filter, nat, mangle, raw, security.</summary>
    public bool IsStandard => BuiltinChains.Of(Name) is not null;

    public ChainState? Find(string name) => _chains.TryGetValue(name, out var chain) ? chain : null;

    /// <summary>The chain named by a token, or an error.</summary>
    public ChainState Require(RuleToken token, InputLine line)
    {
        // Rules come chain by chain: the chain of the rule before is the usual answer.
        var name = token.Text;
        if (ReferenceEquals(name, _lastName)) return _lastChain!;
        if (_chains.TryGetValue(name, out var chain))
        {
            _lastName = name;
            _lastChain = chain;
            return chain;
        }
        throw line.Error(token, "chain \"" + token.Text + "\" does not exist in table " + Name);
    }

    /// <summary>Creates a chain (a built-in of a non-standard table when <paramref name="builtin"/>).</summary>
    public ChainState Add(string name, bool builtin)
    {
        var chain = new ChainState(name, builtin, _order++) { Declared = true };
        _chains.Add(name, chain);
        return chain;
    }

    /// <summary>Marks a chain as named by the input (for the written order).</summary>
    public void Touch(ChainState chain)
    {
        if (chain.Declared) return;
        chain.Declared = true;
        chain.Order = _order++;
    }

    public void Remove(ChainState chain)
    {
        Flush(chain);
        _chains.Remove(chain.Name);
        _lastName = null;
        _lastChain = null;
        Array.Clear(_checkedJumps, 0, _checkedJumps.Length);
    }

    public IEnumerable<ChainState> Chains => _chains.Values;

    /// <summary>Checks a jump or goto target: like iptables-restore, the chain must already exist and be a user chain.</summary>
    public void CheckJump(RuleToken token, InputLine line)
    {
        // Most jumps go to a few chains (KUBE-MARK-MASQ, ...), by the same string each time.
        var name = token.Text;
        var recent = RuntimeHelpers.GetHashCode(name) & (CheckedJumpSlots - 1);
        if (ReferenceEquals(_checkedJumps[recent], name)) return;
        if (!_chains.TryGetValue(name, out var chain))
        {
            throw line.Error(token, "chain \"" + token.Text + "\" does not exist in table " + Name + " (declare it before the rules that jump to it)");
        }
        if (chain.Builtin) throw line.Error(token, "cannot jump to the built-in chain " + token.Text);
        _checkedJumps[recent] = name;
    }

    /// <summary>The number of rules in the table that jump or go to <paramref name="name"/> (kept up to date, for -X).</summary>
    public int References(string name) => (_references ?? CountReferences()).TryGetValue(name, out var count) ? count : 0;

    public void AddRule(ChainState chain, Rule rule)
    {
        chain.AddRule(rule);
        Count(rule, 1);
    }

    public void InsertRule(ChainState chain, int index, Rule rule)
    {
        chain.InsertRule(index, rule);
        Count(rule, 1);
    }

    public void ReplaceRule(ChainState chain, int index, Rule rule)
    {
        Count(chain.RuleAt(index), -1);
        chain.SetRule(index, rule);
        Count(rule, 1);
    }

    public void RemoveRule(ChainState chain, int index)
    {
        Count(chain.RuleAt(index), -1);
        chain.RemoveRuleAt(index);
    }

    public void Flush(ChainState chain)
    {
        for (var i = 0; i < chain.RuleCount; i++) Count(chain.RuleAt(i), -1);
        chain.ClearRules();
    }

    private void Count(Rule rule, int delta)
    {
        if (_references is null || rule.Target is not JumpTarget jump) return;
        _references.TryGetValue(jump.Chain, out var count);
        _references[jump.Chain] = count + delta;
    }

    /// <summary>The reference counts, made from the rules when first asked for (a dump without -X never needs them).</summary>
    private Dictionary<string, int> CountReferences()
    {
        _references = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in _chains.Values)
        {
            for (var i = 0; i < chain.RuleCount; i++) Count(chain.RuleAt(i), 1);
        }
        return _references;
    }

    /// <summary>Builds the table with chains in the requested order.</summary>
    public Table Build(bool sortChains)
    {

        var list = new List<ChainState>(_chains.Values);
        // Both orders are total (no two chains compare equal), so a list already in order (a
        // table read from iptables-save output, in the order it was written) is the sorted list.
        Comparison<ChainState> order = sortChains ? CanonicalOrder : WrittenOrder;
        if (!InOrder(list, order)) list.Sort(order);
        var chains = new Chain[list.Count];
        for (var i = 0; i < list.Count; i++) chains[i] = list[i].Build();
        return new Table(Name, new ValueList<Chain>(chains));
    }

    private static bool InOrder(List<ChainState> list, Comparison<ChainState> order)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (order(list[i - 1], list[i]) > 0) return false;
        }
        return true;
    }

    /// <summary>Built-ins in hook order (others by first mention), then user chains by strcmp.</summary>
    private static int CanonicalOrder(ChainState a, ChainState b)
    {
        if (a.Builtin != b.Builtin) return a.Builtin ? -1 : 1;
        if (a.Builtin)
        {
            var c = BuiltinChains.HookIndex(a.Name).CompareTo(BuiltinChains.HookIndex(b.Name));
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        }
        return string.CompareOrdinal(a.Name, b.Name);
    }

    /// <summary>Order of first mention; built-ins never mentioned last, in hook order.</summary>
    private static int WrittenOrder(ChainState a, ChainState b)
    {
        var c = a.Order.CompareTo(b.Order);
        return c != 0 ? c : BuiltinChains.HookIndex(a.Name).CompareTo(BuiltinChains.HookIndex(b.Name));
    }
}
