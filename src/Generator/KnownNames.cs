namespace NatDsl.Generator;

/// <summary>Names of the runtime API the generator recognises at compile time.</summary>
internal static class KnownNames
{
    /// <summary>The marker attribute.</summary>
    public const string NatRuleSetAttribute = "NatDsl.Dsl.NatRuleSetAttribute";

    /// <summary>The attribute's named argument that gives the golden dump path.</summary>
    public const string GoldenProperty = "Golden";

    /// <summary>The builder the Define method receives.</summary>
    public const string ClusterBuilder = "NatDsl.Dsl.ClusterBuilder";

    /// <summary>The method every rule set class declares.</summary>
    public const string DefineMethod = "Define";

    /// <summary>The runtime assembly: only its methods are replayed.</summary>
    public const string RuntimeAssembly = "NatDsl";
}
