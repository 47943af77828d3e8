using System;
using System.Reflection;
using NatDsl.Generator.Model;

namespace NatDsl.Generator.Replay;

/// <summary>
/// The target of a delegate that stands for a recorded lambda: when the runtime builder calls
/// it with a nested builder, it replays the lambda's recorded calls on that builder.
/// </summary>
internal sealed class LambdaReplay
{
    private static readonly MethodInfo ActionDefinition = typeof(LambdaReplay).GetMethod(nameof(RunAction))!;
    private static readonly MethodInfo FuncDefinition = typeof(LambdaReplay).GetMethod(nameof(RunFunc))!;

    private readonly ProgramReplayer _replayer;
    private readonly RecordedLambda _lambda;

    private LambdaReplay(ProgramReplayer replayer, RecordedLambda lambda)
    {
        _replayer = replayer;
        _lambda = lambda;
    }

    /// <summary>Creates a delegate of <paramref name="delegateType"/> (one parameter, any return) replaying <paramref name="lambda"/>.</summary>
    public static Delegate Create(Type delegateType, ProgramReplayer replayer, RecordedLambda lambda)
    {
        var invoke = delegateType.GetMethod("Invoke");
        var parameters = invoke?.GetParameters();
        if (invoke is null || parameters is null || parameters.Length != 1 || parameters[0].ParameterType.IsByRef)
        {
            throw new NotSupportedException("The delegate type " + delegateType.FullName + " does not take exactly one builder.");
        }
        var method = invoke.ReturnType == typeof(void)
            ? ActionDefinition.MakeGenericMethod(parameters[0].ParameterType)
            : FuncDefinition.MakeGenericMethod(parameters[0].ParameterType, invoke.ReturnType);
        return Delegate.CreateDelegate(delegateType, new LambdaReplay(replayer, lambda), method);
    }

    public void RunAction<T>(T builder) => _replayer.RunBlock(_lambda.Body, builder!);

    public TResult RunFunc<T, TResult>(T builder) => (TResult)_replayer.RunBlock(_lambda.Body, builder!)!;
}
