using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NatDsl.Dsl;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>
/// A compiled test assembly (user code plus generated code) loaded into a collectible load
/// context, with access to one rule set class's generated members and its own Define method.
/// NatDsl itself resolves to the test's copy, so the types compare with the runtime's.
/// </summary>
public sealed class LoadedRuleSet : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedRuleSet(AssemblyLoadContext context, Type type)
    {
        _context = context;
        Type = type;
    }

    public Type Type { get; }

    public static LoadedRuleSet Load(Compilation compilation, string typeName)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.That(emit.Success, Is.True, () => string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("NatDslGeneratorTest", isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        var type = assembly.GetType(typeName) ?? throw new InvalidOperationException("No type " + typeName);
        return new LoadedRuleSet(context, type);
    }

    /// <summary>A public const string of the class.</summary>
    public string Constant(string name) => (string)Type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

    /// <summary>A public static property of the class.</summary>
    public object Property(string name) => Type.GetProperty(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The constants of the nested Chains class.</summary>
    public (string Name, string Value)[] Chains() =>
        Type.GetNestedType("Chains")!.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).ToArray();

    /// <summary>The user's Define method as a delegate, for the runtime path.</summary>
    public Action<ClusterBuilder> Define =>
        (Action<ClusterBuilder>)Type.GetMethod("Define", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)!.CreateDelegate(typeof(Action<ClusterBuilder>));

    public void Dispose() => _context.Unload();
}
