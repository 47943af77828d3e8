using System.Linq;
using Microsoft.CodeAnalysis;

namespace NatDsl.Generator.Model;

/// <summary>
/// A diagnostic as plain values: <see cref="Diagnostic"/> has no value equality and roots its
/// syntax tree, so the pipeline carries this record and creates the diagnostic at the end.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>Creates an info with message arguments.</summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, EquatableArray<string>.Own(arguments));

    /// <summary>Creates the compiler diagnostic.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());
}
