using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// One difference between an expected and an actual rule set (or, for
/// <see cref="DifferenceKind.OpaqueExtension"/>, a note about how equality was decided).
/// </summary>
/// <param name="Kind">What differs.</param>
/// <param name="Table">The table name; empty for a rule-set level difference.</param>
/// <param name="Chain">The chain name; null for table and rule-set level differences.</param>
/// <param name="ExpectedIndex">
/// Zero-based position on the expected side: of the rule in its chain for rule kinds, of the
/// chain in its table for chain kinds, of the table in the rule set for table kinds. Null when
/// the thing exists only on the actual side. Positions are those of the rule set as given
/// (after <see cref="DiffOptions.Normalize"/>), never of a reordered copy.
/// </param>
/// <param name="ActualIndex">The same for the actual side.</param>
/// <param name="Expected">The expected rule, for rule kinds.</param>
/// <param name="Actual">The actual rule, for rule kinds.</param>
/// <param name="Explanation">A short human explanation of what differs.</param>
public sealed record Difference(
    DifferenceKind Kind,
    string Table,
    string? Chain,
    int? ExpectedIndex,
    int? ActualIndex,
    Rule? Expected,
    Rule? Actual,
    string Explanation)
{
    /// <summary>True for notes (<see cref="DifferenceKind.OpaqueExtension"/>), which do not make the rule sets unequal.</summary>
    public bool IsNote => Kind == DifferenceKind.OpaqueExtension;
}
