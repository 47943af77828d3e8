using System;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>Semantic comparison of two rule sets: which table, chain and rule differ, and how.</summary>
public static class RuleSetDiff
{
    /// <summary>
    /// Compares <paramref name="expected"/> with <paramref name="actual"/>. Both sides are first
    /// passed through <see cref="DiffOptions.Normalize"/> when set. Tables and chains are matched
    /// by name; the rules of each chain are aligned (longest common subsequence of rule contents,
    /// hashed to ints) so that one inserted rule is one <see cref="DifferenceKind.RuleExtra"/>;
    /// an unaligned rule equal to one elsewhere in the chain is <see cref="DifferenceKind.RuleMoved"/>;
    /// remaining missing and extra rules of the same gap that look alike become one
    /// <see cref="DifferenceKind.RuleDiffers"/> that says which parts differ.
    /// </summary>
    public static DiffResult Compare(RuleSet expected, RuleSet actual, DiffOptions? options = null)
    {
        if (expected is null) throw new ArgumentNullException(nameof(expected));
        if (actual is null) throw new ArgumentNullException(nameof(actual));
        options ??= DiffOptions.Default;
        if (options.Normalize is not null)
        {
            expected = options.Normalize(expected);
            actual = options.Normalize(actual);
        }
        var differences = new DiffComputation(options).Run(expected, actual);
        return new DiffResult(expected, actual, options, differences);
    }
}
