using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NatDsl.Generator.Diagnostics;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Recording;

/// <summary>
/// The transform of the <c>[NatRuleSet]</c> pipeline: checks the class and its <c>Define</c>
/// method and records the DSL calls into a <see cref="RuleSetModel"/>. Never throws (except
/// for cancellation): an unexpected exception becomes NATDSL999.
/// </summary>
internal static class RuleSetReader
{
    public static RuleSetModel Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var classLocation = LocationInfo.From(declaration.SyntaxTree, declaration.Identifier.Span);
        var recording = new RecordingContext(cancellationToken);
        var classInfo = new RuleSetClassInfo(
            symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes(symbol),
            symbol.Name);
        try
        {
            var (golden, goldenLocation) = ReadGolden(context, cancellationToken);
            var program = ReadProgram(context, symbol, declaration, classInfo, classLocation, golden, recording);
            return new RuleSetModel(classInfo, classLocation, recording.HasErrors ? null : program, recording.Locations, goldenLocation, recording.Diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, classLocation, classInfo.FullName, exception.GetType().Name + ": " + exception.Message);
            return new RuleSetModel(classInfo, classLocation, null, EquatableArray<LocationInfo>.Empty, null, EquatableArray<DiagnosticInfo>.Own(new[] { diagnostic }));
        }
    }

    private static RuleSetProgram? ReadProgram(
        GeneratorAttributeSyntaxContext context,
        INamedTypeSymbol symbol,
        TypeDeclarationSyntax declaration,
        RuleSetClassInfo classInfo,
        LocationInfo classLocation,
        string? golden,
        RecordingContext recording)
    {
        if (!CheckClass(symbol, declaration, classInfo, classLocation, recording)) return null;

        var define = FindDefine(symbol, classInfo, classLocation, recording, recording.CancellationToken);
        if (define is null) return null;
        var (method, syntax) = define.Value;

        var semanticModel = syntax.SyntaxTree == context.SemanticModel.SyntaxTree
            ? context.SemanticModel
            : context.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);

        // Broken code (a half-typed call, a missing parenthesis, a call that does not bind) already
        // has compiler errors: generator errors on top would only be noise, so the class is skipped
        // quietly. (Scanning the operation tree is much cheaper than asking for the diagnostics.)
        if (syntax.ContainsDiagnostics) return null;
        var operation = semanticModel.GetOperation(syntax, recording.CancellationToken);
        if (operation is null || operation.Descendants().Any(o => o is IInvalidOperation)) return null;

        if (operation is not IMethodBodyOperation body || (body.BlockBody ?? body.ExpressionBody) is not { } block)
        {
            recording.Report(DiagnosticDescriptors.DefineMethodInvalid, MethodLocation(method, classLocation), classInfo.FullName, "it has no body");
            return null;
        }

        var defineId = recording.Locate(MethodLocation(method, classLocation));
        var recorded = new ChainRecorder(recording).RecordBlock(block, method.Parameters[0]);
        return new RuleSetProgram(classInfo, defineId, recorded, golden);
    }

    private static bool CheckClass(INamedTypeSymbol symbol, TypeDeclarationSyntax declaration, RuleSetClassInfo classInfo, LocationInfo classLocation, RecordingContext recording)
    {
        if (declaration is not ClassDeclarationSyntax || !symbol.IsStatic || !IsPartial(declaration))
        {
            recording.Report(DiagnosticDescriptors.ClassMustBeStaticPartial, classLocation, classInfo.FullName, string.Empty);
            return false;
        }
        if (symbol.IsGenericType)
        {
            recording.Report(DiagnosticDescriptors.ClassMustBeStaticPartial, classLocation, classInfo.FullName, " and must not be generic");
            return false;
        }
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var partial = outer.DeclaringSyntaxReferences.All(r => r.GetSyntax(recording.CancellationToken) is TypeDeclarationSyntax t && IsPartial(t));
            if (!partial || outer.IsGenericType)
            {
                recording.Report(DiagnosticDescriptors.ClassMustBeStaticPartial, classLocation, classInfo.FullName,
                    $", and its containing type '{outer.Name}' must be partial and not generic");
                return false;
            }
        }
        return true;
    }

    private static (IMethodSymbol Method, MethodDeclarationSyntax Syntax)? FindDefine(
        INamedTypeSymbol symbol, RuleSetClassInfo classInfo, LocationInfo classLocation, RecordingContext recording, CancellationToken cancellationToken)
    {
        var candidates = symbol.GetMembers(KnownNames.DefineMethod).OfType<IMethodSymbol>().ToList();
        if (candidates.Count == 0)
        {
            // A class still being typed (no closing brace yet, a half-typed member) may simply not
            // have reached Define: the compiler's syntax errors say what is wrong, not this.
            if (symbol.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken).ContainsDiagnostics)) return null;
            recording.Report(DiagnosticDescriptors.DefineMethodInvalid, classLocation, classInfo.FullName, "there is no method named Define");
            return null;
        }
        var method = candidates[0];
        // Define itself half-typed (an unfinished parameter list, no body yet): the compiler reports it.
        if (candidates.Count == 1 && method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken).ContainsDiagnostics)) return null;
        var location = MethodLocation(method, classLocation);
        string? problem = null;
        if (candidates.Count > 1) problem = "Define must not be overloaded";
        else if (!method.IsStatic) problem = "Define is not static";
        else if (method.IsGenericMethod) problem = "Define is generic";
        else if (method.IsAsync) problem = "Define is async";
        else if (!method.ReturnsVoid) problem = "Define returns " + method.ReturnType.ToDisplayString() + " instead of void";
        else if (method.Parameters.Length != 1 || method.Parameters[0].RefKind != RefKind.None || TypeKeys.Of(method.Parameters[0].Type) != KnownNames.ClusterBuilder)
            problem = "Define must take exactly one parameter of type ClusterBuilder";
        if (problem is not null)
        {
            recording.Report(DiagnosticDescriptors.DefineMethodInvalid, location, classInfo.FullName, problem);
            return null;
        }

        var implementation = method.PartialImplementationPart ?? method;
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax { } syntax && (syntax.Body is not null || syntax.ExpressionBody is not null))
            {
                return (method, syntax);
            }
        }
        recording.Report(DiagnosticDescriptors.DefineMethodInvalid, location, classInfo.FullName, "it has no body");
        return null;
    }

    private static (string? Golden, LocationInfo? Location) ReadGolden(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        foreach (var attribute in context.Attributes)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key != KnownNames.GoldenProperty || named.Value.Value is not string golden) continue;
                LocationInfo? location = null;
                if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
                {
                    var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == KnownNames.GoldenProperty);
                    location = LocationInfo.From((SyntaxNode?)argument ?? syntax);
                }
                return (golden, location);
            }
        }
        return (null, null);
    }

    private static EquatableArray<ContainingTypeInfo> ContainingTypes(INamedTypeSymbol symbol)
    {
        var types = new List<ContainingTypeInfo>();
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var keyword = outer.IsRecord
                ? (outer.IsValueType ? "record struct" : "record")
                : outer.TypeKind switch
                {
                    TypeKind.Struct => "struct",
                    TypeKind.Interface => "interface",
                    _ => "class",
                };
            types.Insert(0, new ContainingTypeInfo(keyword, outer.Name));
        }
        return types.ToEquatableArray();
    }

    private static bool IsPartial(TypeDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword));

    private static LocationInfo MethodLocation(IMethodSymbol method, LocationInfo fallback)
    {
        var location = method.Locations.FirstOrDefault(l => l.IsInSource);
        return location?.SourceTree is { } tree ? LocationInfo.From(tree, location.SourceSpan) : fallback;
    }
}
