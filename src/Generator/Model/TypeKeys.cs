using System;
using System.Text;
using Microsoft.CodeAnalysis;

namespace NatDsl.Generator.Model;

/// <summary>
/// One spelling of a type that both a Roslyn symbol and a reflection <see cref="Type"/> produce,
/// so a recorded call can be matched to the runtime builder's <see cref="System.Reflection.MethodInfo"/>:
/// <c>Namespace.Outer+Inner`1[Arg]</c>, arrays as <c>T[]</c>.
/// </summary>
internal static class TypeKeys
{
    /// <summary>The key of a compile-time type, or null for types that reflection cannot match (pointers, type parameters…).</summary>
    public static string? Of(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array when array.Rank == 1:
                var element = Of(array.ElementType);
                return element is null ? null : element + "[]";
            case INamedTypeSymbol named:
                var builder = new StringBuilder();
                if (named.ContainingType is not null)
                {
                    var outer = Of(named.ContainingType.OriginalDefinition);
                    if (outer is null) return null;
                    builder.Append(outer).Append('+');
                }
                else if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
                {
                    builder.Append(ns.ToDisplayString()).Append('.');
                }
                builder.Append(named.MetadataName);
                if (named.IsGenericType && !named.IsUnboundGenericType && !SymbolEqualityComparer.Default.Equals(named, named.OriginalDefinition))
                {
                    builder.Append('[');
                    for (var i = 0; i < named.TypeArguments.Length; i++)
                    {
                        var argument = Of(named.TypeArguments[i]);
                        if (argument is null) return null;
                        if (i > 0) builder.Append(',');
                        builder.Append(argument);
                    }
                    builder.Append(']');
                }
                return builder.ToString();
            default:
                return null;
        }
    }

    /// <summary>The key of a runtime type.</summary>
    public static string Of(Type type)
    {
        if (type.IsArray) return Of(type.GetElementType()!) + "[]";
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var builder = new StringBuilder(Of(type.GetGenericTypeDefinition()));
            builder.Append('[');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0) builder.Append(',');
                builder.Append(Of(arguments[i]));
            }
            return builder.Append(']').ToString();
        }
        if (type.IsNested) return Of(type.DeclaringType!) + "+" + type.Name;
        return string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
    }
}
