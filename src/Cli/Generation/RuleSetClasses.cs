using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace NatDsl.Cli.Generation;

/// <summary>Finds the <c>[NatRuleSet]</c> classes of a compilation and their generated restore scripts.</summary>
internal static class RuleSetClasses
{
    private const string AttributeName = "NatDsl.Dsl.NatRuleSetAttribute";

    /// <summary>The classes in declaration order (namespaces and types in source order).</summary>
    public static IReadOnlyList<RuleSetClass> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var attribute = compilation.GetTypeByMetadataName(AttributeName);
        var found = new List<RuleSetClass>();
        if (attribute is null) return found;
        Visit(compilation.Assembly.GlobalNamespace, attribute, found, cancellationToken);
        return found;
    }

    private static void Visit(INamespaceOrTypeSymbol container, INamedTypeSymbol attribute, List<RuleSetClass> found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Visit(ns, attribute, found, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                if (Has(type, attribute)) found.Add(Describe(type));
                Visit(type, attribute, found, cancellationToken);
            }
        }
    }

    private static bool Has(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        foreach (var data in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)) return true;
        }
        return false;
    }

    private static RuleSetClass Describe(INamedTypeSymbol type)
    {
        string? script = null;
        foreach (var member in type.GetMembers("RestoreScript"))
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: string text }) script = text;
        }
        return new RuleSetClass(type.Name, MetadataName(type), type.ToDisplayString(), script);
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "+" + name;
        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }
}
