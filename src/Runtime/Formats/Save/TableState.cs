using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A table while restore commands are applied to it: chains by name (built-ins of a standard
/// table always exist).
/// </summary>
internal sealed class TableState
{
    private readonly Dictionary<string, ChainState> _chains = new Dictionary<string, ChainState>(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _references = new Dictionary<string, int>(StringComparer.Ordinal);
    private int _order;

    public TableState(string name)
    {
        Name = name;
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
        if (_chains.TryGetValue(token.Text, out var chain)) return chain;
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
    }

    public IEnumerable<ChainState> Chains => _chains.Values;

    /// <summary>Checks a jump or goto target: like iptables-restore, the chain must already exist and be a user chain.</summary>
    public void CheckJump(RuleToken token, InputLine line)
    {
        if (!_chains.TryGetValue(token.Text, out var chain))
        {
            throw line.Error(token, "chain \"" + token.Text + "\" does not exist in table " + Name + " (declare it before the rules that jump to it)");
        }
        if (chain.Builtin) throw line.Error(token, "cannot jump to the built-in chain " + token.Text);
    }

    /// <summary>The number of rules in the table that jump or go to <paramref name="name"/> (kept up to date, for -X).</summary>
    public int References(string name) => _references.TryGetValue(name, out var count) ? count : 0;

    public void AddRule(ChainState chain, Rule rule)
    {
        chain.Rules.Add(rule);
        Count(rule, 1);
    }

    public void InsertRule(ChainState chain, int index, Rule rule)
    {
        chain.Rules.Insert(index, rule);
        Count(rule, 1);
    }

    public void ReplaceRule(ChainState chain, int index, Rule rule)
    {
        Count(chain.Rules[index], -1);
        chain.Rules[index] = rule;
        Count(rule, 1);
    }

    public void RemoveRule(ChainState chain, int index)
    {
        Count(chain.Rules[index], -1);
        chain.Rules.RemoveAt(index);
    }

    public void Flush(ChainState chain)
    {
        foreach (var rule in chain.Rules) Count(rule, -1);
        chain.Rules.Clear();
    }

    private void Count(Rule rule, int delta)
    {
        if (rule.Target is not JumpTarget jump) return;
        _references.TryGetValue(jump.Chain, out var count);
        _references[jump.Chain] = count + delta;
    }

    /// <summary>Builds the table with chains in the requested order.</summary>
    public Table Build(bool sortChains)
    {

        var list = new List<ChainState>(_chains.Values);
        if (sortChains) list.Sort(CanonicalOrder);
        else list.Sort(WrittenOrder);
        var chains = new Chain[list.Count];
        for (var i = 0; i < list.Count; i++) chains[i] = list[i].Build();
        return new Table(Name, new ValueList<Chain>(chains));
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
