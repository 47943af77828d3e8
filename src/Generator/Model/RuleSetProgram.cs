namespace NatDsl.Generator.Model;

/// <summary>
/// Everything the generator needs to build one rule set, and nothing about where it sits in the
/// file: a whitespace edit leaves this equal, so the replay and emission steps stay cached.
/// </summary>
/// <param name="DefineId">Location id of the Define method's name (diagnostics that fit no call go there).</param>
/// <param name="Golden">The relative path of the golden dump to compare with, if any.</param>
internal sealed record RuleSetProgram(RuleSetClassInfo Class, int DefineId, RecordedBlock Define, string? Golden);
