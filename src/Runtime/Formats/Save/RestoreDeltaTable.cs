using System;
using System.Collections.Generic;
using System.Text;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>What one table's section of a delta restore does, and its text.</summary>
internal sealed class RestoreDeltaTable
{
    private static readonly RuleWriteOptions Write = new RuleWriteOptions(omitInvertedWildcardInterface: false, inlineCounters: false, lenient: false);

    private readonly string _name;
    private readonly List<Chain> _declared = new List<Chain>();      // chain lines: created, flushed or policy set
    private readonly List<Chain> _flushedBuiltins = new List<Chain>(); // -F, then rewritten
    private readonly List<Chain> _rewritten = new List<Chain>();      // -A lines, in table order
    private readonly List<string> _deleted = new List<string>();      // -X, after every rule
    private readonly List<KeyValuePair<string, List<RestoreDeltaEdits.Edit>>> _edited = new List<KeyValuePair<string, List<RestoreDeltaEdits.Edit>>>(); // -D N / -I N

    private RestoreDeltaTable(string name)
    {
        _name = name;
    }

    public bool IsEmpty => _declared.Count == 0 && _flushedBuiltins.Count == 0 && _rewritten.Count == 0 && _deleted.Count == 0 && _edited.Count == 0;

    public static RestoreDeltaTable Compute(Table? old, Table @new)
    {
        var delta = new RestoreDeltaTable(@new.Name);
        var oldChains = new Dictionary<string, Chain>(StringComparer.Ordinal);
        if (old is not null) foreach (var chain in old.Chains) oldChains[chain.Name] = chain;
        var newNames = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = new HashSet<string>(StringComparer.Ordinal);

        foreach (var chain in @new.Chains)
        {
            newNames.Add(chain.Name);
            oldChains.TryGetValue(chain.Name, out var before);
            if (before is not null && before.IsBuiltin != chain.IsBuiltin)
            {
                throw new ArgumentException("chain " + chain.Name + " of table " + @new.Name + " is built-in in one rule set and user-defined in the other");
            }
            var sameRules = before is not null && SameRules(before.Rules, chain.Rules);
            if (chain.IsBuiltin)
            {
                if (before is null || before.Policy != chain.Policy) delta._declared.Add(chain);
                if (before is not null && !sameRules && delta.TryEdit(before, chain))
                {
                }
                else if (before is not null && !sameRules)
                {
                    delta._flushedBuiltins.Add(chain);
                    delta._rewritten.Add(chain);
                }
                else if (before is null && chain.Rules.Count > 0)
                {
                    delta._rewritten.Add(chain);
                }
                if (sameRules) unchanged.Add(chain.Name);
            }
            else if (before is not null && !sameRules && delta.TryEdit(before, chain))
            {
            }
            else if (before is null || !sameRules)
            {
                delta._declared.Add(chain);
                delta._rewritten.Add(chain);
            }
            else
            {
                unchanged.Add(chain.Name);
            }
        }

        if (old is not null)
        {
            foreach (var chain in old.Chains)
            {
                if (newNames.Contains(chain.Name)) continue;
                if (chain.IsBuiltin)
                {
                    throw new ArgumentException("the built-in chain " + chain.Name + " of table " + old.Name + " is missing from the new rule set");
                }
                delta._declared.Add(new Chain(chain.Name));
                delta._deleted.Add(chain.Name);
            }
        }
        CheckJumps(@new, newNames);
        return delta;
    }

    public void AppendTo(StringBuilder sb)
    {
        if (IsEmpty) return;
        sb.Append('*').Append(_name).Append('\n');
        foreach (var chain in _declared)
        {
            sb.Append(':').Append(chain.Name).Append(' ');
            if (chain.Policy is { } policy)
            {
                var counters = chain.Counters ?? Counters.Zero;
                sb.Append(SaveRenderer.PolicyName(policy)).Append(" [").Append(RuleWriter.Value(counters.Packets)).Append(':').Append(RuleWriter.Value(counters.Bytes)).Append("]\n");
            }
            else
            {
                sb.Append("- [0:0]\n");
            }
        }
        foreach (var chain in _flushedBuiltins) sb.Append("-F ").Append(chain.Name).Append('\n');
        foreach (var chain in _rewritten)
        {
            foreach (var rule in chain.Rules)
            {
                RuleWriter.Append(sb, chain.Name, rule, Write);
                sb.Append('\n');
            }
        }
        var scratch = new StringBuilder();
        foreach (var edited in _edited)
        {
            var chain = edited.Key;
            foreach (var edit in edited.Value)
            {
                sb.Append(edit.Insert ? "-I " : "-D ").Append(chain).Append(' ').Append(edit.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (edit.Rule is { } rule)
                {
                    scratch.Clear();
                    RuleWriter.Append(scratch, chain, rule, Write);
                    sb.Append(scratch.ToString(3 + chain.Length, scratch.Length - 3 - chain.Length));
                }
                sb.Append('\n');
            }
        }
        foreach (var name in _deleted) sb.Append("-X ").Append(name).Append('\n');
        sb.Append("COMMIT\n");
    }

    /// <summary>A long chain with few changes is edited in place (<c>-D N</c>, <c>-I N rule</c>) instead of flushed and rewritten.</summary>
    private bool TryEdit(Chain before, Chain after)
    {
        if (before.Rules.Count < RestoreDeltaEdits.MinimumRules || after.Rules.Count < RestoreDeltaEdits.MinimumRules) return false;
        var edits = RestoreDeltaEdits.Compute(before.Rules, after.Rules, SameRule);
        if (edits is null) return false;
        _edited.Add(new KeyValuePair<string, List<RestoreDeltaEdits.Edit>>(after.Name, edits));
        return true;
    }

    /// <summary>Equal rules, counters aside.</summary>
    private static bool SameRule(Rule x, Rule y) =>
        ReferenceEquals(x, y) || (x.Counters is null && y.Counters is null ? x.Equals(y) : x.WithCounters(null).Equals(y.WithCounters(null)));

    /// <summary>Equal rule lists, counters aside.</summary>
    private static bool SameRules(ValueList<Rule> a, ValueList<Rule> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!SameRule(a[i], b[i])) return false;
        }
        return true;
    }

    /// <summary>A jump of the new rules to a chain they lack would make the delta fail half-way: refuse it up front.</summary>
    private static void CheckJumps(Table table, HashSet<string> names)
    {
        foreach (var chain in table.Chains)
        {
            foreach (var rule in chain.Rules)
            {
                if (rule.Target is JumpTarget jump && !names.Contains(jump.Chain))
                {
                    throw new ArgumentException("chain " + chain.Name + " of table " + table.Name + " jumps to " + jump.Chain + ", which the new rule set does not have");
                }
            }
        }
    }
}
