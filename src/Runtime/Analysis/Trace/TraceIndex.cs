using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// Lookups the tracer needs many times per packet, built once per rule set (rule sets are
/// immutable, so the index is cached beside the instance): chains by name, and a
/// <see cref="ChainDispatchIndex"/> for every long chain.
/// </summary>
internal sealed class TraceIndex
{
    private static readonly ConditionalWeakTable<RuleSet, TraceIndex> Cache = new ConditionalWeakTable<RuleSet, TraceIndex>();

    private readonly Dictionary<string, Dictionary<string, Entry>> _tables = new Dictionary<string, Dictionary<string, Entry>>(StringComparer.Ordinal);

    private TraceIndex(RuleSet rules)
    {
        foreach (var table in rules.Tables)
        {
            if (_tables.ContainsKey(table.Name)) continue;
            var chains = new Dictionary<string, Entry>(table.Chains.Count, StringComparer.Ordinal);
            foreach (var chain in table.Chains)
            {
                if (!chains.ContainsKey(chain.Name)) chains[chain.Name] = new Entry(chain);
            }
            _tables[table.Name] = chains;
        }
    }

    public static TraceIndex For(RuleSet rules) => Cache.GetValue(rules, r => new TraceIndex(r));

    /// <summary>The first chain of that name in the table (as <see cref="Table.FindChain"/>), or null.</summary>
    public Chain? FindChain(Table table, string name) =>
        _tables.TryGetValue(table.Name, out var chains) && chains.TryGetValue(name, out var entry) ? entry.Chain : null;

    /// <summary>The dispatch index of a chain of the table, or null when the chain is walked linearly.</summary>
    public ChainDispatchIndex? DispatchOf(Table table, Chain chain)
    {
        if (!_tables.TryGetValue(table.Name, out var chains) || !chains.TryGetValue(chain.Name, out var entry) || !ReferenceEquals(entry.Chain, chain)) return null;
        return entry.Dispatch;
    }

    private sealed class Entry
    {
        public Entry(Chain chain)
        {
            Chain = chain;
            Dispatch = ChainDispatchIndex.Build(chain);
        }

        public Chain Chain { get; }

        public ChainDispatchIndex? Dispatch { get; }
    }
}
