using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NatDsl.Generator.Diagnostics;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Recording;

/// <summary>
/// Walks the operation tree of a <c>Define</c> body and records the fluent call chains as a
/// symbol-free <see cref="RecordedBlock"/>. Everything the generator cannot replay exactly
/// (non-constant arguments, locals, loops, conditionals, helper methods) becomes a diagnostic
/// at the offending syntax; the walk goes on so that one build reports every problem.
/// </summary>
internal sealed class ChainRecorder
{
    private readonly RecordingContext _context;

    public ChainRecorder(RecordingContext context)
    {
        _context = context;
    }

    /// <summary>Records a block whose statements must all be call chains on <paramref name="parameter"/>.</summary>
    public RecordedBlock RecordBlock(IBlockOperation block, IParameterSymbol parameter)
    {
        var chains = new List<RecordedChain>();
        foreach (var statement in block.Operations)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            switch (statement)
            {
                case IExpressionStatementOperation expression:
                    AddChain(chains, expression.Operation, parameter, returns: false);
                    break;
                case IReturnOperation { ReturnedValue: null }:
                    break;
                case IReturnOperation { ReturnedValue: { } returned }:
                    AddChain(chains, returned, parameter, returns: true);
                    break;
                case IEmptyOperation:
                    break;
                default:
                    _context.Report(DiagnosticDescriptors.UnsupportedConstruct, statement.Syntax,
                        "statement", $"only call chains on '{parameter.Name}' can be read, not {Describe(statement)}");
                    break;
            }
        }
        return new RecordedBlock(chains.ToEquatableArray());
    }

    private void AddChain(List<RecordedChain> chains, IOperation expression, IParameterSymbol parameter, bool returns)
    {
        var chain = RecordChain(expression, parameter, returns);
        if (chain is not null) chains.Add(chain);
    }

    private RecordedChain? RecordChain(IOperation expression, IParameterSymbol parameter, bool returns)
    {
        var invocations = new Stack<IInvocationOperation>();
        var current = Unwrap(expression);
        while (true)
        {
            if (current is IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                IOperation? receiver = invocation.Instance;
                if (receiver is null && method.IsExtensionMethod && invocation.Arguments.Length > 0)
                {
                    receiver = invocation.Arguments[0].Value;
                }
                if (receiver is null)
                {
                    _context.Report(DiagnosticDescriptors.UnsupportedConstruct, invocation.Syntax,
                        "call", $"'{method.ContainingType.Name}.{method.Name}' is not a DSL call on '{parameter.Name}'; the generator cannot follow helper methods, call the builder directly");
                    return null;
                }
                invocations.Push(invocation);
                current = Unwrap(receiver);
                continue;
            }
            if (current is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                break;
            }
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, current.Syntax,
                "expression", $"a call chain must start at the parameter '{parameter.Name}', not at {Describe(current)}");
            return null;
        }

        var calls = new List<RecordedCall>();
        foreach (var invocation in invocations)
        {
            var call = RecordCall(invocation);
            if (call is null) return null;
            calls.Add(call);
        }
        if (calls.Count == 0 && !returns)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, expression.Syntax, "statement", "it calls nothing");
            return null;
        }
        return new RecordedChain(calls.ToEquatableArray(), returns);
    }

    private RecordedCall? RecordCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var display = method.ContainingType.Name + "." + method.Name;
        var callSyntax = invocation.Syntax;
        var callLocation = CallLocation(callSyntax);
        if (method.ContainingAssembly?.Name != KnownNames.RuntimeAssembly)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, callLocation,
                "call", $"'{display}' is not part of the NatDsl builder API; the generator cannot follow helper methods, call the builder directly");
            return null;
        }
        if (method.IsGenericMethod)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, callLocation, "call", $"'{display}' is generic");
            return null;
        }
        var containingType = TypeKeys.Of(method.ContainingType);
        var parameterTypes = new List<string>();
        foreach (var p in method.Parameters)
        {
            var key = p.RefKind == RefKind.None ? TypeKeys.Of(p.Type) : null;
            if (key is null || containingType is null)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, callLocation, "call", $"'{display}' has a parameter '{p.Name}' the generator cannot pass");
                return null;
            }
            parameterTypes.Add(key);
        }

        var id = _context.Locate(callLocation);
        var isExtension = method.IsExtensionMethod;
        var byOrdinal = new RecordedArgument?[method.Parameters.Length];
        var ok = true;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null) return null;
            if (isExtension && parameter.Ordinal == 0) continue;
            var value = RecordArgument(argument, display, callSyntax, id);
            if (value is null)
            {
                ok = false;
                continue;
            }
            byOrdinal[parameter.Ordinal] = new RecordedArgument(parameter.Name, value);
        }
        if (!ok) return null;

        var arguments = new List<RecordedArgument>();
        for (var i = isExtension ? 1 : 0; i < byOrdinal.Length; i++)
        {
            arguments.Add(byOrdinal[i] ?? new RecordedArgument(method.Parameters[i].Name, new RecordedDefault(id)));
        }
        return new RecordedCall(id, method.Name, containingType!, parameterTypes.ToEquatableArray(), isExtension, arguments.ToEquatableArray());
    }

    private RecordedValue? RecordArgument(IArgumentOperation argument, string method, SyntaxNode callSyntax, int callId)
    {
        switch (argument.ArgumentKind)
        {
            case ArgumentKind.DefaultValue:
                return new RecordedDefault(callId);
            case ArgumentKind.ParamArray when argument.Value is IArrayCreationOperation { Initializer: { } initializer }:
                var elements = initializer.ElementValues;
                var span = elements.Length == 0
                    ? LocationInfo.From(callSyntax)
                    : LocationInfo.From(callSyntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(elements[0].Syntax.SpanStart, elements[elements.Length - 1].Syntax.Span.End));
                return RecordElements(_context.Locate(span), elements, argument.Parameter!.Name, method);
            default:
                return RecordValue(argument.Value, argument.Syntax, argument.Parameter!.Name, method);
        }
    }

    private RecordedValue? RecordValue(IOperation value, SyntaxNode syntax, string parameter, string method)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        if (value.ConstantValue.HasValue)
        {
            return new RecordedConstant(_context.Locate(syntax), value.ConstantValue.Value);
        }
        switch (value)
        {
            case IConversionOperation { OperatorMethod: null } conversion when conversion.Operand.ConstantValue.HasValue:
                // Nullable wrapping (int → int?) is not a constant, but its operand is.
                return new RecordedConstant(_context.Locate(syntax), conversion.Operand.ConstantValue.Value);
            case IConversionOperation { OperatorMethod: null, IsImplicit: true } conversion:
                return RecordValue(conversion.Operand, syntax, parameter, method);
            case IArrayCreationOperation { Initializer: { } initializer }:
                return RecordElements(_context.Locate(syntax), initializer.ElementValues, parameter, method);
            case ICollectionExpressionOperation collection:
                return RecordElements(_context.Locate(syntax), collection.Elements, parameter, method);
            case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                return RecordLambda(lambda, syntax);
            case IAnonymousFunctionOperation lambda:
                return RecordLambda(lambda, syntax);
            case IDelegateCreationOperation:
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, syntax, "argument",
                    $"'{parameter}' of '{method}' must be a lambda written in place, not a method group or delegate");
                return null;
            default:
                _context.Report(DiagnosticDescriptors.NonConstantArgument, syntax, parameter, method);
                return null;
        }
    }

    private RecordedValue? RecordElements(int id, IEnumerable<IOperation> elements, string parameter, string method)
    {
        var values = new List<RecordedValue>();
        var ok = true;
        foreach (var element in elements)
        {
            if (element is ISpreadOperation)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, element.Syntax, "spread element", "list the values one by one");
                ok = false;
                continue;
            }
            var value = RecordValue(element, element.Syntax, parameter, method);
            if (value is null) ok = false;
            else values.Add(value);
        }
        return ok ? new RecordedArray(id, values.ToEquatableArray()) : null;
    }

    private RecordedValue? RecordLambda(IAnonymousFunctionOperation lambda, SyntaxNode syntax)
    {
        if (lambda.Symbol.Parameters.Length != 1)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, lambda.Syntax, "lambda", "it must take exactly one builder parameter");
            return null;
        }
        var id = _context.Locate(syntax);
        var body = RecordBlock(lambda.Body, lambda.Symbol.Parameters[0]);
        return new RecordedLambda(id, body);
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }
        return operation;
    }

    /// <summary>The span of a call for diagnostics: from the method name to the closing parenthesis.</summary>
    private static LocationInfo CallLocation(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            return LocationInfo.From(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }
        return LocationInfo.From(syntax);
    }

    private static string Describe(IOperation operation) => operation switch
    {
        IVariableDeclarationGroupOperation => "a local variable",
        ILocalReferenceOperation local => $"the local '{local.Local.Name}'",
        IFieldReferenceOperation field => $"the field '{field.Field.Name}'",
        IPropertyReferenceOperation property => $"the property '{property.Property.Name}'",
        IParameterReferenceOperation p => $"the parameter '{p.Parameter.Name}'",
        ILoopOperation => "a loop",
        IConditionalOperation => "a conditional",
        ISwitchOperation => "a switch",
        ITryOperation => "a try statement",
        ILocalFunctionOperation => "a local function",
        IObjectCreationOperation => "a new object",
        _ => "'" + operation.Kind.ToString() + "'",
    };
}
