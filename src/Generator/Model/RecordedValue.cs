namespace NatDsl.Generator.Model;

/// <summary>
/// The value of one argument of a recorded DSL call, or one element of a recorded array.
/// <see cref="Id"/> indexes <see cref="RuleSetModel.Locations"/>: the program holds no
/// positions, so moving code around leaves it equal.
/// </summary>
internal abstract record RecordedValue(int Id);

/// <summary>A compile-time constant: string, number, bool, char, null, or an enum's underlying value.</summary>
internal sealed record RecordedConstant(int Id, object? Value) : RecordedValue(Id);

/// <summary>An array of values (a <c>params</c> list, <c>new[] { … }</c> or a collection expression).</summary>
internal sealed record RecordedArray(int Id, EquatableArray<RecordedValue> Elements) : RecordedValue(Id);

/// <summary>A lambda whose body is a list of call chains on its single parameter.</summary>
internal sealed record RecordedLambda(int Id, RecordedBlock Body) : RecordedValue(Id);

/// <summary>An optional parameter the call leaves out: the method's own default applies.</summary>
internal sealed record RecordedDefault(int Id) : RecordedValue(Id);
