using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Gives every distinct rule content (a rule without its counters) a small integer, so that
/// alignment compares ints and each rule is hashed once.
/// </summary>
internal sealed class RuleInterner
{
    private readonly Dictionary<Rule, int> _ids = new Dictionary<Rule, int>(RuleContentComparer.Instance);

    /// <summary>The id of the rule's content (counters are not part of it).</summary>
    public int Id(Rule rule)
    {
        if (_ids.TryGetValue(rule, out var id)) return id;
        id = _ids.Count;
        _ids.Add(rule, id);
        return id;
    }
}
