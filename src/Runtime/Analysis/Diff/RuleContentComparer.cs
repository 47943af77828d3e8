using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Equality of rules without their counters, allocation-free. Lists every field of
/// <see cref="Rule"/> but <see cref="Rule.Counters"/>; a test fails when the model gains a field
/// that is missing here.
/// </summary>
internal sealed class RuleContentComparer : IEqualityComparer<Rule>
{
    public static RuleContentComparer Instance { get; } = new RuleContentComparer();

    public bool Equals(Rule? x, Rule? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;
        return Equals(x.Source, y.Source)
            && Equals(x.Destination, y.Destination)
            && Equals(x.InInterface, y.InInterface)
            && Equals(x.OutInterface, y.OutInterface)
            && Equals(x.Protocol, y.Protocol)
            && Equals(x.Fragment, y.Fragment)
            && x.Matches.Equals(y.Matches)
            && Equals(x.Target, y.Target);
    }

    public int GetHashCode(Rule rule)
    {
        unchecked
        {
            var hash = Hash(rule.Source);
            hash = (hash * 31) + Hash(rule.Destination);
            hash = (hash * 31) + Hash(rule.InInterface);
            hash = (hash * 31) + Hash(rule.OutInterface);
            hash = (hash * 31) + Hash(rule.Protocol);
            hash = (hash * 31) + Hash(rule.Fragment);
            hash = (hash * 31) + rule.Matches.GetHashCode();
            return (hash * 31) + Hash(rule.Target);
        }
    }

    private static int Hash(object? value) => value is null ? 0 : value.GetHashCode();
}
