using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Recording;

/// <summary>Collects locations (handing out ids) and diagnostics while one rule set is read.</summary>
internal sealed class RecordingContext
{
    private readonly List<LocationInfo> _locations = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public RecordingContext(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }

    public bool HasErrors => _diagnostics.Count > 0;

    /// <summary>Stores a location and returns its id.</summary>
    public int Locate(LocationInfo location)
    {
        _locations.Add(location);
        return _locations.Count - 1;
    }

    /// <summary>Stores the location of a node and returns its id.</summary>
    public int Locate(SyntaxNode node) => Locate(LocationInfo.From(node));

    public void Report(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(node), arguments));

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    public EquatableArray<LocationInfo> Locations => _locations.ToEquatableArray();

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();
}
