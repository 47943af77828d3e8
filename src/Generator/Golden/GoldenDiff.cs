using System.Threading;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Golden;

/// <summary>Parses a golden dump with the runtime's parsers and diffs it with the generated rules.</summary>
internal static class GoldenDiff
{
    public static EquatableArray<GoldenFinding> Findings(GoldenInput input, CancellationToken cancellationToken)
    {
        // Filled in once the runtime's dump parsers and semantic diff are on main.
        return EquatableArray<GoldenFinding>.Empty;
    }
}
