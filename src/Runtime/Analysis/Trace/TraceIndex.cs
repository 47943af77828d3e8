using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// Lookups the tracer needs many times per packet, built once per rule set (rule sets are
/// immutable, so the index is cached beside the instance): chains by name, a
/// <see cref="ChainDispatchIndex"/> for every long chain, and the chain each jump leads to.
/// </summary>
internal sealed class TraceIndex
{
    private static readonly ConditionalWeakTable<RuleSet, TraceIndex> Cache = new ConditionalWeakTable<RuleSet, TraceIndex>();

    private readonly Dictionary<string, Dictionary<string, Entry>> _tables = new Dictionary<string, Dictionary<string, Entry>>(StringComparer.Ordinal);

    /// <summary>Entries by chain instance; null for a chain instance indexed under more than one name.</summary>
    private readonly Dictionary<Chain, Entry?> _byChain = new Dictionary<Chain, Entry?>(ReferenceComparer<Chain>.Instance);

    private TraceIndex(RuleSet rules)
    {
        foreach (var table in rules.Tables)
        {
            if (_tables.ContainsKey(table.Name)) continue;
            var chains = new Dictionary<string, Entry>(table.Chains.Count, StringComparer.Ordinal);
            foreach (var chain in table.Chains)
            {
                if (chains.ContainsKey(chain.Name)) continue;
                var entry = new Entry(this, table.Name, chain);
                chains[chain.Name] = entry;
                _byChain[chain] = _byChain.ContainsKey(chain) ? null : entry;
            }
            _tables[table.Name] = chains;
        }
        NatPrerouting = EntryOf("nat", "PREROUTING");
        NatInput = EntryOf("nat", "INPUT");
        NatOutput = EntryOf("nat", "OUTPUT");
        NatPostrouting = EntryOf("nat", "POSTROUTING");
        FilterInput = EntryOf("filter", "INPUT");
        FilterForward = EntryOf("filter", "FORWARD");
        FilterOutput = EntryOf("filter", "OUTPUT");
    }

    /// <summary>The hook chains the tracer starts walks at (null: no such table or chain), looked up once.</summary>
    public Entry? NatPrerouting { get; }

    /// <inheritdoc cref="NatPrerouting"/>
    public Entry? NatInput { get; }

    /// <inheritdoc cref="NatPrerouting"/>
    public Entry? NatOutput { get; }

    /// <inheritdoc cref="NatPrerouting"/>
    public Entry? NatPostrouting { get; }

    /// <inheritdoc cref="NatPrerouting"/>
    public Entry? FilterInput { get; }

    /// <inheritdoc cref="NatPrerouting"/>
    public Entry? FilterForward { get; }

    /// <inheritdoc cref="NatPrerouting"/>
    public Entry? FilterOutput { get; }

    public static TraceIndex For(RuleSet rules) => Cache.GetValue(rules, r => new TraceIndex(r));

    /// <summary>The first chain of that name in the table (as <see cref="Table.FindChain"/>), or null.</summary>
    public Chain? FindChain(Table table, string name) => EntryOf(table.Name, name)?.Chain;

    /// <summary>The entry of the first chain of that name in the first table of that name, or null.</summary>
    public Entry? EntryOf(string tableName, string chainName) =>
        _tables.TryGetValue(tableName, out var chains) && chains.TryGetValue(chainName, out var entry) ? entry : null;

    /// <summary>The entry of a chain of the table, or null when the chain is not the one its name finds there.</summary>
    public Entry? EntryOf(Table table, Chain chain)
    {
        if (_byChain.TryGetValue(chain, out var unique) && unique is not null)
        {
            return string.Equals(unique.TableName, table.Name, StringComparison.Ordinal) ? unique : null;
        }
        var entry = EntryOf(table.Name, chain.Name);
        return entry is not null && ReferenceEquals(entry.Chain, chain) ? entry : null;
    }

    /// <summary>
    /// Prepares every chain now (see <see cref="Entry.Plan"/>), instead of on first use: first the
    /// hook chains and, depth first, the chains they jump to, each made right after the rule that
    /// jumps to it, so that the objects a walk follows one after another (a service's rule, its
    /// endpoint's chain and rules, the next service rule) lie one after another in memory.
    /// </summary>
    public void PrepareAll()
    {
        foreach (var hook in new[] { NatPrerouting, NatOutput, FilterForward, FilterInput, FilterOutput, NatPostrouting, NatInput })
        {
            hook?.PrepareDepthFirst(0);
        }
        foreach (var table in _tables.Values)
        {
            foreach (var entry in table.Values) _ = entry.Plan;
        }
    }

    /// <summary>The dispatch index of a chain of the table, or null when the chain is walked linearly.</summary>
    public ChainDispatchIndex? DispatchOf(Table table, Chain chain) => EntryOf(table, chain)?.Dispatch;

    /// <summary>One indexed chain: its dispatch index and its resolved jump targets.</summary>
    internal sealed class Entry
    {
        private readonly TraceIndex _owner;
        private readonly Entry?[] _jumps;
        private ChainPlan? _plan;
        private TraceStep? _policyStep;
        private bool _preparing;

        public Entry(TraceIndex owner, string tableName, Chain chain)
        {
            _owner = owner;
            TableName = tableName;
            Chain = chain;
            Dispatch = ChainDispatchIndex.Build(chain);
            _jumps = new Entry?[chain.Rules.Count];
        }

        public string TableName { get; }

        /// <summary>The index this entry belongs to.</summary>
        public TraceIndex Owner => _owner;

        /// <summary>
        /// The chain prepared for tracing, made on first use (two threads may both make it;
        /// either result is the same).
        /// </summary>
        public ChainPlan Plan => _plan ?? MakePlan();

        /// <summary>The step a trace records when the chain's policy applies.</summary>
        public TraceStep PolicyStep => _policyStep ??= new TraceStep(TableName, Chain.Name, -1, null, PolicyNote(Chain.Policy ?? ChainPolicy.Accept));

        private ChainPlan MakePlan()
        {
            var plan = new ChainPlan(this);
            System.Threading.Volatile.Write(ref _plan, plan);
            return plan;
        }

        /// <summary>How many runs of steps <see cref="RunOf"/> keeps.</summary>
        private const int RunSlots = 8;

        /// <summary>Runs of steps of recent remembered walks of this (hook) chain, made on first use.</summary>
        private TraceStep[]?[]? _runs;
        private int _nextRun;

        /// <summary>
        /// The steps from path <paramref name="from"/> to path <paramref name="to"/> of the scratch:
        /// a remembered walk of this hook chain (see <see cref="SuffixMemo"/>). Most packets' walks
        /// of a hook take one of a few runs of rules, so a run equal to a recent one (the same step
        /// instances) is that one's array, shared by every trace of the rule set, instead of a new one.
        /// </summary>
        public TraceStep[] RunOf(TraceScratch scratch, int from, int to)
        {
            var runs = System.Threading.Volatile.Read(ref _runs);
            if (runs is null)
            {
                System.Threading.Interlocked.CompareExchange(ref _runs, new TraceStep[]?[RunSlots], null);
                runs = _runs!;
            }
            var count = scratch.LengthBetween(from, to);
            for (var k = 0; k < runs.Length; k++)
            {
                var run = System.Threading.Volatile.Read(ref runs[k]);
                if (run is not null && run.Length == count && scratch.EndsWith(to, run)) return run;
            }
            var made = scratch.StepsBetween(from, to);
            var slot = _nextRun;
            _nextRun = slot + 1;
            System.Threading.Volatile.Write(ref runs[(uint)slot % RunSlots], made);
            return made;
        }

        /// <summary>Deepest jump <see cref="PrepareDepthFirst"/> follows (deeper chains are made on their own).</summary>
        private const int MaxPrepareDepth = 16;

        /// <summary>
        /// Makes the plan unless it exists, with the plans of the chains its rules jump to (to
        /// <see cref="MaxPrepareDepth"/>), each right after the jumping rule's. For
        /// <see cref="PrepareAll"/> only: one thread.
        /// </summary>
        public void PrepareDepthFirst(int depth)
        {
            if (_plan is not null || _preparing) return;
            _preparing = true;
            try
            {
                var plan = new ChainPlan(this, depth < MaxPrepareDepth ? depth : -1);
                System.Threading.Volatile.Write(ref _plan, plan);
            }
            finally
            {
                _preparing = false;
            }
        }

        /// <summary>The note of a policy step.</summary>
        public static string PolicyNote(ChainPolicy policy) => policy switch
        {
            ChainPolicy.Accept => "policy ACCEPT",
            ChainPolicy.Drop => "policy DROP",
            _ => "policy " + policy.ToString().ToUpperInvariant(),
        };

        public Chain Chain { get; }

        public ChainDispatchIndex? Dispatch { get; }

        /// <summary>The entry of the chain rule <paramref name="index"/> jumps to (by <paramref name="name"/>), or null when there is none.</summary>
        public Entry? JumpOf(int index, string name)
        {
            var entry = _jumps[index];
            if (entry is not null && string.Equals(entry.Chain.Name, name, StringComparison.Ordinal)) return entry;
            entry = _owner.EntryOf(TableName, name);
            if (entry is not null) _jumps[index] = entry;
            return entry;
        }
    }
}
