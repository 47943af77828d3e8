namespace NatDsl.Tests.Mutation;

/// <summary>A damaged input: what was done to which file, and the resulting bytes.</summary>
/// <param name="Description">The file and the mutations applied, enough to rebuild the input.</param>
/// <param name="Bytes">The damaged bytes.</param>
public sealed record Mutant(string Description, byte[] Bytes);
