using System;
using NatDsl.Dsl;

namespace NatDsl.Tests.Integration;

/// <summary>A named cluster declaration of <see cref="CompiledSpecCatalogue"/> and what it covers.</summary>
/// <param name="Name">A short name (used as the test case name).</param>
/// <param name="Define">The DSL declaration.</param>
/// <param name="Covers">The compiler features the declaration exercises.</param>
public sealed record CatalogueSpec(string Name, Action<ClusterBuilder> Define, string Covers)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
