using Microsoft.CodeAnalysis;

namespace NatDsl.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the NatDsl generator reports. Keep in sync with docs/diagnostics.md (one
/// section per id, with an example) and AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Help links point at the section of docs/diagnostics.md for the id (relative, no host).</summary>
    public const string HelpLinkBase = "docs/diagnostics.md#";

    private const string Usage = "NatDsl.Usage";
    private const string Golden = "NatDsl.Golden";
    private const string Internal = "NatDsl.Internal";

    public static readonly DiagnosticDescriptor ClassMustBeStaticPartial = Create(
        "NATDSL001",
        "Rule set class must be static partial",
        "The [NatRuleSet] class '{0}' must be declared 'static partial'{1}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DefineMethodInvalid = Create(
        "NATDSL002",
        "Rule set class needs 'static void Define(ClusterBuilder)'",
        "The [NatRuleSet] class '{0}' must declare 'static void Define(ClusterBuilder cluster)' with a body: {1}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NonConstantArgument = Create(
        "NATDSL003",
        "DSL argument must be a compile-time constant",
        "The argument '{0}' of '{1}' must be a compile-time constant (a literal, a const, an enum member or nameof), so the generator can read it",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "NATDSL004",
        "Construct not supported in a rule set definition",
        "The generator cannot read this {0}: {1}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidValue = Create(
        "NATDSL005",
        "Invalid value in the rule set definition",
        "'{0}' rejected the value: {1}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SpecValidationError = Create(
        "NATDSL006",
        "Rule set declaration is not valid",
        "{0}: {1}: {2}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GoldenDumpNotFound = Create(
        "NATDSL007",
        "Golden dump not found",
        "No AdditionalFiles item ends with the golden path '{0}'; add it with <AdditionalFiles Include=\"{0}\" />",
        Golden,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GoldenDumpUnreadable = Create(
        "NATDSL008",
        "Golden dump cannot be read",
        "The golden dump '{0}' cannot be read at line {1}, column {2}: {3}",
        Golden,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GoldenDumpDiffers = Create(
        "NATDSL009",
        "Generated rules differ from the golden dump",
        "The generated rules differ from the golden dump '{0}': {1}",
        Golden,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "NATDSL999",
        "NatDsl generator internal error",
        "The NatDsl generator failed on '{0}': {1}",
        Internal,
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
