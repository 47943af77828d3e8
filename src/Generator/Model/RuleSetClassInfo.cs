namespace NatDsl.Generator.Model;

/// <summary>Where the generated partial class goes: namespace, containing types and name.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
internal sealed record RuleSetClassInfo(string? Namespace, EquatableArray<ContainingTypeInfo> ContainingTypes, string Name)
{
    /// <summary>The fully qualified name, for messages and hint names.</summary>
    public string FullName
    {
        get
        {
            var name = Namespace is null ? string.Empty : Namespace + ".";
            foreach (var type in ContainingTypes) name += type.Name + ".";
            return name + Name;
        }
    }

    /// <summary>The hint name of the generated file.</summary>
    public string HintName => FullName + ".NatRuleSet.g.cs";
}
