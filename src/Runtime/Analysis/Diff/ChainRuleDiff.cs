using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Compares the rules of two chains of the same name: aligns them (longest common subsequence of
/// rule contents in comparison order), reports rules found elsewhere in the chain as moved, pairs
/// the remaining missing and extra rules of the same gap that look alike as differing, and
/// reports counters of aligned rules.
/// </summary>
internal sealed class ChainRuleDiff
{
    /// <summary>How far ahead in a gap an extra rule is looked for as the partner of a missing one.</summary>
    private const int PairingWindow = 32;

    private readonly string _table;
    private readonly string _chain;
    private readonly ValueList<Rule> _expected;
    private readonly ValueList<Rule> _actual;
    private readonly int[]? _expectedOrder;
    private readonly int[]? _actualOrder;
    private readonly bool _compareCounters;
    private readonly OpaqueNotes _notes;
    private readonly List<Difference> _output;
    private readonly int[] _matchE;
    private readonly int[] _matchA;
    private readonly int[] _movedE;
    private readonly bool[] _movedA;

    private ChainRuleDiff(string table, Chain expected, Chain actual, int[]? expectedOrder, int[]? actualOrder, DiffOptions options, RuleInterner interner, OpaqueNotes notes, List<Difference> output)
    {
        _table = table;
        _chain = expected.Name;
        _expected = expected.Rules;
        _actual = actual.Rules;
        _expectedOrder = expectedOrder;
        _actualOrder = actualOrder;
        _compareCounters = !options.IgnoreCounters;
        _notes = notes;
        _output = output;
        var eIds = Ids(_expected, _expectedOrder, interner);
        var aIds = Ids(_actual, _actualOrder, interner);
        _matchE = new int[eIds.Length];
        _matchA = new int[aIds.Length];
        SequenceAlignment.Align(eIds, aIds, _matchE, _matchA);
        _movedE = new int[eIds.Length];
        _movedA = new bool[aIds.Length];
        FindMoved(eIds, aIds);
    }

    /// <summary>Appends the differences between the rules of two chains to <paramref name="output"/>.</summary>
    public static void Compare(string table, Chain expected, Chain actual, DiffOptions options, RuleInterner interner, OpaqueNotes notes, List<Difference> output)
    {
        if (expected.Rules.Count == 0 && actual.Rules.Count == 0) return;
        var expectedOrder = CanonicalRuleOrder.Of(table, expected, options);
        var actualOrder = CanonicalRuleOrder.Of(table, actual, options);
        if (SameContentInOrder(table, expected, expectedOrder, actual, actualOrder, options, notes, output)) return;
        new ChainRuleDiff(table, expected, actual, expectedOrder, actualOrder, options, interner, notes, output).Walk();
    }

    /// <summary>
    /// The common case, without hashing: both chains hold the same rule contents in the same
    /// (comparison) order. Reports counters and notes and returns true; returns false (having
    /// reported nothing) otherwise.
    /// </summary>
    private static bool SameContentInOrder(string table, Chain expected, int[]? eOrder, Chain actual, int[]? aOrder, DiffOptions options, OpaqueNotes notes, List<Difference> output)
    {
        var e = expected.Rules;
        var a = actual.Rules;
        if (e.Count != a.Count) return false;
        var differentCounters = false;
        for (var c = 0; c < e.Count; c++)
        {
            var left = e[eOrder is null ? c : eOrder[c]];
            var right = a[aOrder is null ? c : aOrder[c]];
            if (!RuleContentComparer.Instance.Equals(left, right)) return false;
            if (!Equals(left.Counters, right.Counters)) differentCounters = true;
        }
        var compareCounters = differentCounters && !options.IgnoreCounters;
        for (var c = 0; c < e.Count; c++)
        {
            var i = eOrder is null ? c : eOrder[c];
            var j = aOrder is null ? c : aOrder[c];
            notes.Observe(table, expected.Name, i, j, e[i], a[j]);
            if (compareCounters && !CounterEquivalence.Equivalent(e[i].Counters, a[j].Counters))
            {
                output.Add(new Difference(DifferenceKind.RuleDiffers, table, expected.Name, i, j, e[i], a[j],
                    "counters " + e[i].Counters!.Value + " vs " + a[j].Counters!.Value));
            }
        }
        return true;
    }

    private static int[] Ids(ValueList<Rule> rules, int[]? order, RuleInterner interner)
    {
        var ids = new int[rules.Count];
        for (var c = 0; c < ids.Length; c++) ids[c] = interner.Id(rules[order is null ? c : order[c]]);
        return ids;
    }

    private int E(int canonical) => _expectedOrder is null ? canonical : _expectedOrder[canonical];

    private int A(int canonical) => _actualOrder is null ? canonical : _actualOrder[canonical];

    /// <summary>Pairs unaligned expected and actual rules of equal content (in order of occurrence).</summary>
    private void FindMoved(int[] eIds, int[] aIds)
    {
        for (var c = 0; c < _movedE.Length; c++) _movedE[c] = -1;
        Dictionary<int, Queue<int>>? unmatchedActual = null;
        for (var j = 0; j < aIds.Length; j++)
        {
            if (_matchA[j] >= 0) continue;
            unmatchedActual ??= new Dictionary<int, Queue<int>>();
            if (!unmatchedActual.TryGetValue(aIds[j], out var queue))
            {
                queue = new Queue<int>();
                unmatchedActual.Add(aIds[j], queue);
            }
            queue.Enqueue(j);
        }
        if (unmatchedActual is null) return;
        for (var i = 0; i < eIds.Length; i++)
        {
            if (_matchE[i] >= 0) continue;
            if (unmatchedActual.TryGetValue(eIds[i], out var queue) && queue.Count > 0)
            {
                var j = queue.Dequeue();
                _movedE[i] = j;
                _movedA[j] = true;
            }
        }
    }

    private void Walk()
    {
        var gapE = new List<int>();
        var lastA = -1;
        for (var i = 0; i <= _matchE.Length; i++)
        {
            if (i < _matchE.Length && _matchE[i] < 0)
            {
                gapE.Add(i);
                continue;
            }
            var nextA = i < _matchE.Length ? _matchE[i] : _matchA.Length;
            if (gapE.Count > 0 || nextA > lastA + 1) Gap(gapE, lastA + 1, nextA);
            gapE.Clear();
            if (i < _matchE.Length) Aligned(i, _matchE[i]);
            lastA = nextA;
        }
    }

    private void Aligned(int i, int j)
    {
        var e = _expected[E(i)];
        var a = _actual[A(j)];
        _notes.Observe(_table, _chain, E(i), A(j), e, a);
        if (_compareCounters && !CounterEquivalence.Equivalent(e.Counters, a.Counters))
        {
            Add(DifferenceKind.RuleDiffers, E(i), A(j), e, a, "counters " + e.Counters!.Value + " vs " + a.Counters!.Value);
        }
    }

    /// <summary>Handles the expected rules <paramref name="gapE"/> and the actual rules in [<paramref name="aFrom"/>, <paramref name="aTo"/>) between two aligned rules.</summary>
    private void Gap(List<int> gapE, int aFrom, int aTo)
    {
        var missing = new List<int>();
        foreach (var i in gapE)
        {
            if (_movedE[i] < 0) missing.Add(i);
        }
        var extra = new List<int>();
        for (var j = aFrom; j < aTo; j++)
        {
            if (!_movedA[j]) extra.Add(j);
        }
        var partnerOfMissing = Pair(missing, extra);
        var pairedExtra = new HashSet<int>(partnerOfMissing.Values);
        foreach (var i in gapE)
        {
            var e = _expected[E(i)];
            if (_movedE[i] >= 0)
            {
                var j = _movedE[i];
                var a = _actual[A(j)];
                _notes.Observe(_table, _chain, E(i), A(j), e, a);
                var text = "out of order";
                if (_compareCounters && !CounterEquivalence.Equivalent(e.Counters, a.Counters))
                {
                    text += "; counters " + e.Counters!.Value + " vs " + a.Counters!.Value;
                }
                Add(DifferenceKind.RuleMoved, E(i), A(j), e, a, text);
            }
            else if (partnerOfMissing.TryGetValue(i, out var j))
            {
                var a = _actual[A(j)];
                Add(DifferenceKind.RuleDiffers, E(i), A(j), e, a, RuleFieldComparison.Explain(e, a, _compareCounters));
            }
            else
            {
                Add(DifferenceKind.RuleMissing, E(i), null, e, null, "only in expected");
            }
        }
        foreach (var j in extra)
        {
            if (pairedExtra.Contains(j)) continue;
            Add(DifferenceKind.RuleExtra, null, A(j), null, _actual[A(j)], "only in actual");
        }
    }

    /// <summary>
    /// Pairs missing with extra rules that differ only in some parts: a lone replacement always,
    /// otherwise in order, each missing rule with the most similar of the next extra rules when
    /// at least half of their parts are equal.
    /// </summary>
    private Dictionary<int, int> Pair(List<int> missing, List<int> extra)
    {
        var pairs = new Dictionary<int, int>();
        if (missing.Count == 0 || extra.Count == 0) return pairs;
        if (missing.Count == 1 && extra.Count == 1)
        {
            pairs.Add(missing[0], extra[0]);
            return pairs;
        }
        var cursor = 0;
        foreach (var i in missing)
        {
            if (cursor >= extra.Count) break;
            var e = _expected[E(i)];
            int best = -1, bestSame = 0, bestUnion = 1;
            var end = System.Math.Min(extra.Count, cursor + PairingWindow);
            for (var t = cursor; t < end; t++)
            {
                RuleFieldComparison.Score(e, _actual[A(extra[t])], out var same, out var union);
                if (same == 0 || same * 2 < union) continue;
                if (best < 0 || (long)same * bestUnion > (long)bestSame * union)
                {
                    best = t;
                    bestSame = same;
                    bestUnion = union;
                }
            }
            if (best < 0) continue;
            pairs.Add(i, extra[best]);
            cursor = best + 1;
        }
        return pairs;
    }

    private void Add(DifferenceKind kind, int? expectedIndex, int? actualIndex, Rule? expected, Rule? actual, string explanation) =>
        _output.Add(new Difference(kind, _table, _chain, expectedIndex, actualIndex, expected, actual, explanation));
}
