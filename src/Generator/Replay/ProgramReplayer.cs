using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using NatDsl.Generator.Diagnostics;
using NatDsl.Generator.Model;
using NatDsl.Spec;

namespace NatDsl.Generator.Replay;

/// <summary>
/// Runs a recorded <c>Define</c> on the real runtime builder: every recorded call is matched by
/// name and parameter types to the builder's <see cref="MethodInfo"/> and invoked; lambdas
/// become delegates that replay their own calls. The runtime builder alone decides what the
/// DSL means, so the generator and <c>ClusterSpec.Build(Define)</c> cannot disagree.
/// </summary>
internal sealed class ProgramReplayer
{
    private static readonly Assembly Runtime = typeof(ClusterSpec).Assembly;
    private readonly Dictionary<RecordedCall, MethodInfo> _methods = new();

    /// <summary>Builds (and validates) the spec; throws <see cref="ReplayFailure"/> or <see cref="SpecValidationException"/>.</summary>
    public ClusterSpec Build(RuleSetProgram program) => ClusterSpec.Build(builder => RunBlock(program.Define, builder));

    /// <summary>Replays a block on <paramref name="parameter"/>; returns the value of its returning chain, if any.</summary>
    public object? RunBlock(RecordedBlock block, object parameter)
    {
        object? result = null;
        foreach (var chain in block.Chains)
        {
            var receiver = parameter;
            foreach (var call in chain.Calls)
            {
                receiver = Invoke(call, receiver) ?? throw new ReplayFailure(
                    DiagnosticDescriptors.InternalError, call.Id, Display(call), "the builder method returned null");
            }
            if (chain.Returns) result = receiver;
        }
        return result;
    }

    private object? Invoke(RecordedCall call, object receiver)
    {
        var method = Resolve(call);
        var parameters = method.GetParameters();
        var offset = call.IsExtension ? 1 : 0;
        var arguments = new object?[parameters.Length];
        if (call.IsExtension) arguments[0] = receiver;
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            arguments[i + offset] = Materialize(call.Arguments[i].Value, parameters[i + offset]);
        }
        try
        {
            return method.Invoke(call.IsExtension ? null : receiver, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw Translate(exception.InnerException, call);
        }
    }

    private MethodInfo Resolve(RecordedCall call)
    {
        if (_methods.TryGetValue(call, out var cached)) return cached;
        var type = Runtime.GetType(call.ContainingType, throwOnError: false)
            ?? throw new ReplayFailure(DiagnosticDescriptors.InternalError, call.Id, Display(call), "the runtime has no type " + call.ContainingType);
        foreach (var candidate in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (candidate.Name != call.Method || candidate.IsGenericMethodDefinition) continue;
            var parameters = candidate.GetParameters();
            if (parameters.Length != call.ParameterTypes.Count) continue;
            var match = true;
            for (var i = 0; i < parameters.Length && match; i++)
            {
                match = TypeKeys.Of(parameters[i].ParameterType) == call.ParameterTypes[i];
            }
            if (!match) continue;
            _methods[call] = candidate;
            return candidate;
        }
        throw new ReplayFailure(DiagnosticDescriptors.InternalError, call.Id, Display(call),
            "the runtime builder has no method " + call.Method + "(" + string.Join(", ", call.ParameterTypes) + ")");
    }

    private object? Materialize(RecordedValue value, ParameterInfo parameter)
    {
        if (value is RecordedDefault)
        {
            if (parameter.HasDefaultValue) return Coerce(parameter.DefaultValue, parameter.ParameterType);
            return Type.Missing;
        }
        return Materialize(value, parameter.ParameterType);
    }

    private object? Materialize(RecordedValue value, Type type)
    {
        switch (value)
        {
            case RecordedConstant constant:
                return Coerce(constant.Value, type);
            case RecordedArray array:
                var elementType = type.IsArray ? type.GetElementType()! : throw new NotSupportedException("Only array parameters take a list of values, not " + type.FullName + ".");
                var result = Array.CreateInstance(elementType, array.Elements.Count);
                for (var i = 0; i < array.Elements.Count; i++) result.SetValue(Materialize(array.Elements[i], elementType), i);
                return result;
            case RecordedLambda lambda:
                return LambdaReplay.Create(type, this, lambda);
            default:
                return parameterDefault(type);
        }

        static object? parameterDefault(Type t) => t.IsValueType ? Activator.CreateInstance(t) : null;
    }

    private static object? Coerce(object? value, Type type)
    {
        if (value is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum) return Enum.ToObject(target, value);
        if (target.IsInstanceOfType(value)) return value;
        if (value is IConvertible && (target.IsPrimitive || target == typeof(decimal) || target == typeof(string)))
        {
            return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        return value;
    }

    private static Exception Translate(Exception inner, RecordedCall call)
    {
        switch (inner)
        {
            case ReplayFailure:
            case SpecValidationException:
                return inner;
            case ArgumentException argument:
                return new ReplayFailure(DiagnosticDescriptors.InvalidValue, LocateArgument(call, argument), Display(call), CleanMessage(argument));
            case InvalidOperationException or FormatException or NotSupportedException or OverflowException:
                return new ReplayFailure(DiagnosticDescriptors.InvalidValue, call.Id, Display(call), inner.Message);
            default:
                return new ReplayFailure(DiagnosticDescriptors.InternalError, call.Id, Display(call), inner.GetType().Name + ": " + inner.Message);
        }
    }

    /// <summary>The argument the exception names; inside a list, the element whose value the message quotes.</summary>
    private static int LocateArgument(RecordedCall call, ArgumentException exception)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter != exception.ParamName) continue;
            if (argument.Value is RecordedArray array)
            {
                RecordedValue? quoted = null;
                foreach (var element in array.Elements)
                {
                    if (element is RecordedConstant { Value: { } v } && exception.Message.IndexOf(Convert.ToString(v, CultureInfo.InvariantCulture), StringComparison.Ordinal) >= 0)
                    {
                        if (quoted is not null) return array.Id;
                        quoted = element;
                    }
                }
                return quoted?.Id ?? array.Id;
            }
            return argument.Value is RecordedDefault ? call.Id : argument.Value.Id;
        }
        return call.Id;
    }

    /// <summary>The message without the framework's "(Parameter 'x')" or "Parameter name: x" suffix.</summary>
    private static string CleanMessage(ArgumentException exception)
    {
        var message = exception.Message;
        foreach (var marker in new[] { " (Parameter '", "\r\nParameter name:", "\nParameter name:" })
        {
            var index = message.IndexOf(marker, StringComparison.Ordinal);
            if (index >= 0) message = message.Substring(0, index);
        }
        return message;
    }

    /// <summary><c>ServiceBuilder.ClusterIP</c>.</summary>
    public static string Display(RecordedCall call)
    {
        var type = call.ContainingType;
        var cut = Math.Max(type.LastIndexOf('.'), type.LastIndexOf('+'));
        return type.Substring(cut + 1) + "." + call.Method;
    }
}
