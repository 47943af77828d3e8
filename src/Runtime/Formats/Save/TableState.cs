using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A table while restore commands are applied to it: chains by name (built-ins of a standard
/// table always exist), and jumps to chains not declared yet, checked when the table ends.
/// </summary>
internal sealed class TableState
{
    private readonly Dictionary<string, ChainState> _chains = new Dictionary<string, ChainState>(StringComparer.Ordinal);
    private readonly List<(string Chain, InputLine Line, RuleToken Token)> _pendingJumps = new List<(string, InputLine, RuleToken)>();
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

    public void Remove(ChainState chain) => _chains.Remove(chain.Name);

    public IEnumerable<ChainState> Chains => _chains.Values;

    /// <summary>Records a jump target: checked now when the chain exists, else when the table ends.</summary>
    public void CheckJump(RuleToken token, InputLine line)
    {
        if (_chains.TryGetValue(token.Text, out var chain))
        {
            if (chain.Builtin) throw line.Error(token, "cannot jump to the built-in chain " + token.Text);
            return;
        }
        _pendingJumps.Add((token.Text, line, token));
    }

    /// <summary>The number of rules in the table that jump or go to <paramref name="name"/>.</summary>
    public int References(string name)
    {
        var count = 0;
        foreach (var chain in _chains.Values)
        {
            foreach (var rule in chain.Rules)
            {
                if (rule.Target is JumpTarget jump && string.Equals(jump.Chain, name, StringComparison.Ordinal)) count++;
            }
        }
        return count;
    }

    /// <summary>Checks the jumps to chains that did not exist yet when their rule was read (at COMMIT).</summary>
    public void VerifyPendingJumps()
    {
        foreach (var (name, line, token) in _pendingJumps)
        {
            if (!_chains.TryGetValue(name, out var chain)) throw line.Error(token, "chain \"" + name + "\" does not exist in table " + Name);
            if (chain.Builtin) throw line.Error(token, "cannot jump to the built-in chain " + name);
        }
        _pendingJumps.Clear();
    }

    /// <summary>Builds the table with chains in the requested order.</summary>
    public Table Build(bool sortChains)
    {
        VerifyPendingJumps();

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
