namespace NatDsl.Generator.Model;

/// <summary>
/// A statement of a recorded block: calls applied one after another, the first on the block's
/// parameter and each next one on what the previous call returned.
/// </summary>
/// <param name="Returns">The chain's result is the block's return value (expression-bodied lambdas returning a builder).</param>
internal sealed record RecordedChain(EquatableArray<RecordedCall> Calls, bool Returns);
