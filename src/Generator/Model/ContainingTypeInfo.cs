namespace NatDsl.Generator.Model;

/// <summary>A type that contains the rule set class: its declaration keyword (class, struct, record…) and name.</summary>
internal sealed record ContainingTypeInfo(string Keyword, string Name);
