using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>One run of <see cref="RuleSetDiff.Compare"/>: walks tables and chains, delegating rules to <see cref="ChainRuleDiff"/>.</summary>
internal sealed class DiffComputation
{
    private readonly DiffOptions _options;
    private readonly RuleInterner _interner = new RuleInterner();
    private readonly OpaqueNotes _notes = new OpaqueNotes();
    private readonly List<Difference> _output = new List<Difference>();

    public DiffComputation(DiffOptions options)
    {
        _options = options;
    }

    public ValueList<Difference> Run(RuleSet expected, RuleSet actual)
    {
        if (expected.Family != actual.Family)
        {
            _output.Add(new Difference(DifferenceKind.FamilyDiffers, string.Empty, null, null, null, null, null,
                "family " + expected.Family + " vs " + actual.Family));
        }
        var actualTables = new NamePositions(Names(actual.Tables));
        for (var i = 0; i < expected.Tables.Count; i++)
        {
            var table = expected.Tables[i];
            var j = actualTables.Take(table.Name);
            if (j < 0)
            {
                _output.Add(new Difference(DifferenceKind.TableMissing, table.Name, null, i, null, null, null,
                    "only in expected (" + Count(table.Chains.Count, "chain") + ")"));
                continue;
            }
            CompareTable(table, actual.Tables[j]);
        }
        for (var j = 0; j < actual.Tables.Count; j++)
        {
            if (actualTables.IsTaken(j)) continue;
            var table = actual.Tables[j];
            _output.Add(new Difference(DifferenceKind.TableExtra, table.Name, null, null, j, null, null,
                "only in actual (" + Count(table.Chains.Count, "chain") + ")"));
        }
        _output.AddRange(_notes.ToDifferences());
        return _output.ToValueList();
    }

    private void CompareTable(Table expected, Table actual)
    {
        var actualChains = new NamePositions(Names(actual.Chains));
        var partner = new int[expected.Chains.Count];
        for (var i = 0; i < partner.Length; i++) partner[i] = actualChains.Take(expected.Chains[i].Name);
        var moved = _options.IgnoreChainOrder ? null : MovedChains(partner);
        for (var i = 0; i < partner.Length; i++)
        {
            var chain = expected.Chains[i];
            var j = partner[i];
            if (j < 0)
            {
                _output.Add(new Difference(DifferenceKind.ChainMissing, expected.Name, chain.Name, i, null, null, null,
                    "only in expected (" + Count(chain.Rules.Count, "rule") + ")"));
                continue;
            }
            if (moved is not null && moved[i])
            {
                _output.Add(new Difference(DifferenceKind.ChainMoved, expected.Name, chain.Name, i, j, null, null,
                    "chain " + Number(i) + " in expected, " + Number(j) + " in actual"));
            }
            CompareChain(expected.Name, chain, i, actual.Chains[j], j);
        }
        for (var j = 0; j < actual.Chains.Count; j++)
        {
            if (actualChains.IsTaken(j)) continue;
            var chain = actual.Chains[j];
            _output.Add(new Difference(DifferenceKind.ChainExtra, expected.Name, chain.Name, null, j, null, null,
                "only in actual (" + Count(chain.Rules.Count, "rule") + ")"));
        }
    }

    /// <summary>The chains present on both sides that are outside one longest common order.</summary>
    private static bool[] MovedChains(int[] partner)
    {
        var present = new List<int>();
        var positions = new List<int>();
        for (var i = 0; i < partner.Length; i++)
        {
            if (partner[i] < 0) continue;
            present.Add(i);
            positions.Add(partner[i]);
        }
        var keep = LongestIncreasingRun.Select(positions);
        var moved = new bool[partner.Length];
        for (var p = 0; p < keep.Length; p++) moved[present[p]] = !keep[p];
        return moved;
    }

    private void CompareChain(string table, Chain expected, int expectedIndex, Chain actual, int actualIndex)
    {
        if (expected.Policy != actual.Policy)
        {
            _output.Add(new Difference(DifferenceKind.PolicyDiffers, table, expected.Name, expectedIndex, actualIndex, null, null,
                "policy " + Policy(expected.Policy) + " vs " + Policy(actual.Policy)));
        }
        if (!_options.IgnoreCounters && !CounterEquivalence.Equivalent(expected.Counters, actual.Counters))
        {
            _output.Add(new Difference(DifferenceKind.ChainCountersDiffer, table, expected.Name, expectedIndex, actualIndex, null, null,
                (expected.IsBuiltin ? "policy counters " : "chain counters ") + expected.Counters!.Value + " vs " + actual.Counters!.Value));
        }
        ChainRuleDiff.Compare(table, expected, actual, _options, _interner, _notes, _output);
    }

    private static string Policy(ChainPolicy? policy) => policy switch
    {
        null => "none (user-defined chain)",
        ChainPolicy.Accept => "ACCEPT",
        ChainPolicy.Drop => "DROP",
        ChainPolicy.Queue => "QUEUE",
        _ => "RETURN",
    };

    private static List<string> Names(ValueList<Table> tables)
    {
        var names = new List<string>(tables.Count);
        foreach (var table in tables) names.Add(table.Name);
        return names;
    }

    private static List<string> Names(ValueList<Chain> chains)
    {
        var names = new List<string>(chains.Count);
        foreach (var chain in chains) names.Add(chain.Name);
        return names;
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
