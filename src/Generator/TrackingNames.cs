namespace NatDsl.Generator;

/// <summary>Names of the pipeline steps, for tests that check what the incremental generator caches.</summary>
public static class TrackingNames
{
    /// <summary>The recorded rule set with locations and reading diagnostics (changes when code moves).</summary>
    public const string Model = "NatRuleSetModel";

    /// <summary>The recorded program alone (unchanged by whitespace or moves).</summary>
    public const string Program = "NatRuleSetProgram";

    /// <summary>The replayed, compiled and rendered rule set.</summary>
    public const string Build = "NatRuleSetBuild";

    /// <summary>The generated source.</summary>
    public const string Output = "NatRuleSetOutput";

    /// <summary>Diagnostics of reading and building, located.</summary>
    public const string Diagnostics = "NatRuleSetDiagnostics";

    /// <summary>The golden dump text found among the additional files.</summary>
    public const string GoldenInput = "NatRuleSetGoldenInput";

    /// <summary>Diagnostics of the comparison with the golden dump.</summary>
    public const string GoldenDiagnostics = "NatRuleSetGoldenDiagnostics";
}
