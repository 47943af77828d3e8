using Microsoft.CodeAnalysis;

namespace NatDsl.Generator.Model;

/// <summary>A diagnostic found while building a rule set, located by a recorded id (-1: the class).</summary>
internal sealed record BuildFailure(DiagnosticDescriptor Descriptor, int LocationId, EquatableArray<string> Arguments);
