namespace NatDsl.Tests.Mutation;

/// <summary>The outcome of one guarded parse, with the reason when it is broken.</summary>
/// <param name="Outcome">Parsed, rejected or broken.</param>
/// <param name="Problem">For a broken parse: what went wrong (exception, location, time, memory).</param>
/// <param name="AllocatedBytes">Bytes allocated by the parse and render.</param>
public sealed record ParseResult(ParseOutcome Outcome, string? Problem, long AllocatedBytes);
