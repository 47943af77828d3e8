using System;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A chain while a table is being built from commands. Kept small (a large dump has a hundred
/// thousand chains of a few rules): the rules in an array of its own that becomes the chain's
/// list when it is exactly full, counters (only ever on built-in chains) boxed.
/// </summary>
internal sealed class ChainState
{
    private Rule[] _rules = Array.Empty<Rule>();
    private int _count;
    private object? _counters;

    public ChainState(string name, bool builtin, int order)
    {
        Name = name;
        Builtin = builtin;
        Order = order;
        if (builtin) Policy = ChainPolicy.Accept;
    }

    public string Name { get; }

    public bool Builtin { get; }

    /// <summary>Position of first mention (for keeping the written order).</summary>
    public int Order { get; set; }

    /// <summary>True when a chain line, -N or -P named the chain (not only implied).</summary>
    public bool Declared { get; set; }

    public ChainPolicy? Policy { get; set; }

    public Counters? Counters
    {
        get => (Counters?)_counters;
        set => _counters = value;
    }

    /// <summary>The number of rules.</summary>
    public int RuleCount => _count;

    /// <summary>The rule at <paramref name="index"/> (0-based).</summary>
    public Rule RuleAt(int index)
    {
        if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
        return _rules[index];
    }

    public void AddRule(Rule rule) => InsertRule(_count, rule);

    /// <summary>Makes room for <paramref name="rules"/> rules in all (when the number to come is known, the array is then exactly full).</summary>
    public void Reserve(int rules)
    {
        if (rules <= _rules.Length) return;
        var grown = new Rule[rules];
        Array.Copy(_rules, grown, _count);
        _rules = grown;
    }

    public void InsertRule(int index, Rule rule)
    {
        if ((uint)index > (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
        if (_count == _rules.Length)
        {
            // Two first: most chains of a kube-proxy dump (an endpoint's) have exactly two rules.
            var grown = new Rule[_rules.Length == 0 ? 2 : _rules.Length * 2];
            Array.Copy(_rules, grown, _count);
            _rules = grown;
        }
        if (index < _count) Array.Copy(_rules, index, _rules, index + 1, _count - index);
        _rules[index] = rule;
        _count++;
    }

    public void SetRule(int index, Rule rule)
    {
        if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
        _rules[index] = rule;
    }

    public void RemoveRuleAt(int index)
    {
        if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
        _count--;
        if (index < _count) Array.Copy(_rules, index + 1, _rules, index, _count - index);
        _rules[_count] = null!;
    }

    public void ClearRules()
    {
        _rules = Array.Empty<Rule>();
        _count = 0;
    }

    /// <summary>The chain; the state is not used afterwards (its rule array may become the chain's).</summary>
    public Chain Build()
    {
        Rule[] rules;
        if (_count == _rules.Length)
        {
            rules = _rules;
        }
        else
        {
            rules = new Rule[_count];
            Array.Copy(_rules, rules, _count);
        }
        return new Chain(Name, Policy, Counters, ValueList<Rule>.Own(rules));
    }
}
