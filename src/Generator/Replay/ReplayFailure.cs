using System;
using Microsoft.CodeAnalysis;

namespace NatDsl.Generator.Replay;

/// <summary>
/// Stops a replay with a diagnostic located at a recorded id (a call or an argument); thrown
/// through the runtime builder's own frames when a builder method rejects a value.
/// </summary>
internal sealed class ReplayFailure : Exception
{
    public ReplayFailure(DiagnosticDescriptor descriptor, int locationId, params string[] arguments)
        : base(string.Join(": ", arguments))
    {
        Descriptor = descriptor;
        LocationId = locationId;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public int LocationId { get; }

    public string[] Arguments { get; }
}
