namespace NatDsl.Generator.Model;

/// <summary>
/// The result of reading one <c>[NatRuleSet]</c> class: the program (null when it could not be
/// read), the locations its ids refer to, and the diagnostics found while reading.
/// </summary>
internal sealed record RuleSetModel(
    RuleSetClassInfo Class,
    LocationInfo ClassLocation,
    RuleSetProgram? Program,
    EquatableArray<LocationInfo> Locations,
    LocationInfo? GoldenLocation,
    EquatableArray<DiagnosticInfo> Diagnostics);
