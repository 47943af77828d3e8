using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>Collects the chains of one table in declaration order and their rules in append order.</summary>
internal sealed class TableBuilder
{
    private readonly List<string> _order;
    private readonly Dictionary<string, RuleBuffer> _rules;

    public TableBuilder(string name, int expectedChains = 16)
    {
        Name = name;
        _order = new List<string>(expectedChains);
        _rules = new Dictionary<string, RuleBuffer>(expectedChains, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<string> ChainNames => _order;

    public bool Has(string chain) => _rules.ContainsKey(chain);

    /// <summary>Declares a chain (a second declaration of the same chain is a no-op).</summary>
    public void Declare(string chain)
    {
        if (_rules.ContainsKey(chain)) return;
        _order.Add(chain);
        _rules[chain] = new RuleBuffer();
    }

    /// <summary>Appends a rule, declaring the chain if needed.</summary>
    public void Append(string chain, Rule rule)
    {
        if (!_rules.TryGetValue(chain, out var rules))
        {
            _order.Add(chain);
            _rules[chain] = rules = new RuleBuffer();
        }
        if (rules.Streamed) throw new StreamedChainConflictException(chain);
        rules.Add(rule);
    }

    /// <summary>
    /// Hands the chains of this table that <paramref name="shared"/> does not have (in declaration
    /// order) to <paramref name="sink"/> and keeps only their names: they stay in the table's
    /// order, but <see cref="BuildChain"/> gives them as empty placeholders, and any later rule
    /// for them is a <see cref="StreamedChainConflictException"/>.
    /// </summary>
    public void Stream(TableBuilder shared, int piece, IChainPieceSink sink)
    {
        var own = new List<Chain>();
        foreach (var chain in _order)
        {
            if (!shared._rules.ContainsKey(chain)) own.Add(BuildChain(chain));
        }
        sink.Take(Name, piece, own);
        foreach (var chain in own) _rules[chain.Name] = RuleBuffer.StreamedMarker;
    }

    /// <summary>
    /// Appends what <paramref name="part"/> collected, as if its declarations and appends had been
    /// made here in their order: its new chains follow this table's (their rule buffers are taken
    /// over, <paramref name="part"/> must not be used again), its rules for chains this table already
    /// has follow theirs.
    /// </summary>
    public void AppendAll(TableBuilder part)
    {
        foreach (var chain in part._order)
        {
            var theirs = part._rules[chain];
            if (_rules.TryGetValue(chain, out var ours))
            {
                if (ours.Streamed || theirs.Streamed) throw new StreamedChainConflictException(chain);
                ours.AddAll(theirs);
            }
            else
            {
                _order.Add(chain);
                _rules[chain] = theirs;
            }
        }
    }

    /// <summary>A user-defined chain with its rules (an empty placeholder for a streamed chain).</summary>
    public Chain BuildChain(string chain) => new Chain(chain, null, null, _rules[chain].ToValueList());

    /// <summary>The table with its chains in declaration order.</summary>
    public Table Build()
    {
        var chains = new Chain[_order.Count];
        for (var i = 0; i < chains.Length; i++) chains[i] = BuildChain(_order[i]);
        return new Table(Name, ValueList<Chain>.Own(chains));
    }

    /// <summary>
    /// A chain's rules: a growing array handed to the chain as it is when it is full (most chains
    /// of a cluster are endpoint chains of exactly two rules), copied only when it is not.
    /// </summary>
    private sealed class RuleBuffer
    {
        /// <summary>The buffer of every chain handed to a sink: no rules, none may be added.</summary>
        public static readonly RuleBuffer StreamedMarker = new RuleBuffer { Streamed = true };

        private Rule[] _items = new Rule[2];
        private int _count;

        public bool Streamed { get; private set; }

        public void Add(Rule rule)
        {
            if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[_count++] = rule;
        }

        public void AddAll(RuleBuffer other)
        {
            for (var i = 0; i < other._count; i++) Add(other._items[i]);
        }

        public ValueList<Rule> ToValueList()
        {
            if (_count == 0) return ValueList<Rule>.Empty;
            if (_count == _items.Length) return ValueList<Rule>.Own(_items);
            var exact = new Rule[_count];
            Array.Copy(_items, exact, _count);
            return ValueList<Rule>.Own(exact);
        }
    }
}
