namespace NatDsl.Generator.Model;

/// <summary>One constant of the generated <c>Chains</c> class.</summary>
internal sealed record ChainConstant(string Identifier, string Value);
