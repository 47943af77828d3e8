using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>Collects the chains of one table in declaration order and their rules in append order.</summary>
internal sealed class TableBuilder
{
    private readonly List<string> _order;
    private readonly Dictionary<string, List<Rule>> _rules;

    public TableBuilder(string name, int expectedChains = 16)
    {
        Name = name;
        _order = new List<string>(expectedChains);
        _rules = new Dictionary<string, List<Rule>>(expectedChains, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<string> ChainNames => _order;

    public bool Has(string chain) => _rules.ContainsKey(chain);

    /// <summary>Declares a chain (a second declaration of the same chain is a no-op).</summary>
    public void Declare(string chain)
    {
        if (_rules.ContainsKey(chain)) return;
        _order.Add(chain);
        _rules[chain] = new List<Rule>(2);
    }

    /// <summary>Appends a rule, declaring the chain if needed.</summary>
    public void Append(string chain, Rule rule)
    {
        Declare(chain);
        _rules[chain].Add(rule);
    }

    /// <summary>The rules of a declared chain.</summary>
    public List<Rule> RulesOf(string chain) => _rules[chain];

    /// <summary>A user-defined chain with its rules.</summary>
    public Chain BuildChain(string chain) => new Chain(chain, null, null, _rules[chain].ToValueList());

    /// <summary>The table with its chains in declaration order.</summary>
    public Table Build()
    {
        var chains = new Chain[_order.Count];
        for (var i = 0; i < chains.Length; i++) chains[i] = BuildChain(_order[i]);
        return new Table(Name, ValueList<Chain>.Own(chains));
    }
}
