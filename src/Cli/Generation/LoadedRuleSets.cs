using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NatDsl.Spec;

namespace NatDsl.Cli.Generation;

/// <summary>
/// A compiled DSL assembly loaded into a collectible <see cref="AssemblyLoadContext"/> (unloaded
/// on dispose). NatDsl resolves to the tool's own copy, so the generated members return the
/// runtime types the tool compiles with.
/// </summary>
internal sealed class LoadedRuleSets : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;

    private LoadedRuleSets(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        _assembly = assembly;
    }

    /// <summary>Emits <paramref name="compilation"/> (which must have no errors) and loads it.</summary>
    public static LoadedRuleSets Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            var first = emit.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("the compiled rule sets cannot be emitted: " + (first is null ? "unknown error" : DiagnosticPrinter.Format(first)));
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext("natdsl-rulesets", isCollectible: true);
        return new LoadedRuleSets(context, context.LoadFromStream(stream));
    }

    /// <summary>
    /// The generated <c>Spec</c> of the class: the declarations the generator built from
    /// <c>Define</c> (what its restore script was compiled from).
    /// </summary>
    public ClusterSpec Spec(RuleSetClass ruleSet)
    {
        var type = _assembly.GetType(ruleSet.MetadataName, throwOnError: false)
            ?? throw new InvalidOperationException("the compiled assembly has no type " + ruleSet.MetadataName);
        var property = type.GetProperty("Spec", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException(ruleSet.DisplayName + " has no generated Spec property");
        try
        {
            return (ClusterSpec)property.GetValue(null)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _context.Unload();
}
