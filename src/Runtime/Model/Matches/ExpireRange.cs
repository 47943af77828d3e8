namespace NatDsl.Model;

/// <summary><c>--ctexpire MIN[:MAX]</c> in seconds.</summary>
public readonly record struct ExpireRange(uint Min, uint Max);
