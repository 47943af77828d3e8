using Microsoft.CodeAnalysis;

namespace NatDsl.Generator.Model;

/// <summary>A result of a golden comparison; without a location it is reported at the attribute's Golden argument.</summary>
internal sealed record GoldenFinding(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments);
