using NatDsl.Analysis.Diff;

namespace NatDsl.Cli.Import;

/// <summary>The outcome of <see cref="ImportRoundTrip.Check"/>.</summary>
/// <param name="Exact">Whether the compiled rules equal the dump.</param>
/// <param name="Summary">One sentence for the header of the written file.</param>
/// <param name="Result">The comparison, or null when the declaration is invalid.</param>
internal sealed record ImportCheck(bool Exact, string Summary, DiffResult? Result);
