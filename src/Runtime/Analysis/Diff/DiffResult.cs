using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>The outcome of <see cref="RuleSetDiff.Compare"/>.</summary>
public sealed class DiffResult
{
    /// <summary>Creates a result.</summary>
    public DiffResult(RuleSet expected, RuleSet actual, DiffOptions options, ValueList<Difference> differences)
    {
        Expected = expected;
        Actual = actual;
        Options = options;
        Differences = differences;
        var equal = true;
        foreach (var difference in differences)
        {
            if (!difference.IsNote) equal = false;
        }
        AreEqual = equal;
    }

    /// <summary>The expected rule set as compared (after <see cref="DiffOptions.Normalize"/>).</summary>
    public RuleSet Expected { get; }

    /// <summary>The actual rule set as compared (after <see cref="DiffOptions.Normalize"/>).</summary>
    public RuleSet Actual { get; }

    /// <summary>The options used.</summary>
    public DiffOptions Options { get; }

    /// <summary>
    /// The differences, grouped by table (expected order, then tables only in actual) and chain,
    /// followed by the notes (<see cref="DifferenceKind.OpaqueExtension"/>).
    /// </summary>
    public ValueList<Difference> Differences { get; }

    /// <summary>True when nothing differs (notes do not count).</summary>
    public bool AreEqual { get; }

    /// <summary>The differences without the notes.</summary>
    public IEnumerable<Difference> Changes
    {
        get
        {
            foreach (var difference in Differences)
            {
                if (!difference.IsNote) yield return difference;
            }
        }
    }
}
