using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// What stays fixed during one trace: the rules, the options, the local addresses. One per
/// <see cref="TraceScratch"/>, set up by <see cref="Begin"/> for each trace and emptied by
/// <see cref="End"/> after it.
/// </summary>
internal sealed class TraceContext
{
    /// <summary>The option sets as hash sets, made once per options instance (options are immutable; a batch of traces shares one).</summary>
    private static readonly ConditionalWeakTable<TraceOptions, OptionSets> Sets = new ConditionalWeakTable<TraceOptions, OptionSets>();

    private static readonly ConditionalWeakTable<TraceOptions, OptionSets>.CreateValueCallback MakeSets = o => new OptionSets(o);

    private HashSet<IpAddress> _local = OptionSets.Empty.Local;
    private HashSet<string> _hits = OptionSets.Empty.Hits;
    private int _outcomes;

    public TraceContext(TraceScratch scratch)
    {
        Scratch = scratch;
        Rules = null!;
        Options = null!;
    }

    /// <summary>Sets the context up for a trace of <paramref name="rules"/> with <paramref name="options"/>.</summary>
    public void Begin(RuleSet rules, TraceOptions options)
    {
        Rules = rules;
        Options = options;
        var sets = Sets.GetValue(options, MakeSets);
        _local = sets.Local;
        _hits = sets.Hits;
        Index = options.UseIndex ? TraceIndex.For(rules) : null;
        Truncated = false;
        _outcomes = 0;
        Memo = null;
    }

    /// <summary>Drops the trace's references (rules, options, index).</summary>
    public void End()
    {
        Rules = null!;
        Options = null!;
        Index = null;
        Memo = null;
        _local = OptionSets.Empty.Local;
        _hits = OptionSets.Empty.Hits;
    }

    /// <summary>The trace's working memory (paths, branch lists).</summary>
    public TraceScratch Scratch { get; }

    /// <summary>The rule set's lookups; null for a plain linear walk.</summary>
    public TraceIndex? Index { get; private set; }

    /// <summary>A chain of a table by name.</summary>
    public Chain? FindChain(Table table, string name) => Index is { } index ? index.FindChain(table, name) : table.FindChain(name);

    /// <summary>The hook walk being recorded for reuse by other branches, or null.</summary>
    public SuffixMemo? Memo { get; set; }

    public RuleSet Rules { get; private set; }

    public TraceOptions Options { get; private set; }

    public bool Truncated { get; private set; }

    public bool IsLocal(IpAddress address) => (_local.Count > 0 && _local.Contains(address)) || IsLoopback(address);

    public bool IsAffinityHit(string name) => _hits.Contains(name);

    /// <summary>Counts a new branch; false once the limit is reached.</summary>
    public bool AllowBranch()
    {
        if (_outcomes >= Options.MaxOutcomes)
        {
            Truncated = true;
            return false;
        }
        _outcomes++;
        return true;
    }

    public AddressTypes TypeOf(IpAddress address)
    {
        if (IsLocal(address)) return AddressTypes.Local;
        if (address.Family == IpFamily.V4)
        {
            var v = address.V4Value;
            if (v == uint.MaxValue) return AddressTypes.Broadcast;
            if ((v >> 28) == 0xE) return AddressTypes.Multicast;
            return AddressTypes.Unicast;
        }
        if ((address.High >> 56) == 0xFF) return AddressTypes.Multicast;
        return AddressTypes.Unicast;
    }

    private static bool IsLoopback(IpAddress address) => address.Family == IpFamily.V4
        ? (address.V4Value >> 24) == 127
        : address.High == 0 && address.Low == 1;

    private sealed class OptionSets
    {
        /// <summary>The sets of the default options (what an idle context holds).</summary>
        public static readonly OptionSets Empty = new OptionSets(new TraceOptions());

        public OptionSets(TraceOptions options)
        {
            Local = new HashSet<IpAddress>(options.LocalAddresses);
            Hits = new HashSet<string>(options.AffinityHits, System.StringComparer.Ordinal);
        }

        public HashSet<IpAddress> Local { get; }

        public HashSet<string> Hits { get; }
    }
}
