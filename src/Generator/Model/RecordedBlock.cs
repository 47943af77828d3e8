namespace NatDsl.Generator.Model;

/// <summary>The body of <c>Define</c> or of a lambda: statements, each a call chain on the parameter.</summary>
internal sealed record RecordedBlock(EquatableArray<RecordedChain> Chains);
