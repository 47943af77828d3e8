namespace NatDsl.Generator.Model;

/// <summary>
/// One call of the fluent DSL: the method's name, the metadata name of its containing type and
/// the keys of its parameter types (see <c>TypeKeys</c>), enough to find the same method by
/// reflection on the runtime builder; arguments are in parameter order.
/// </summary>
/// <param name="Id">Index of the call's location (method name through closing parenthesis).</param>
/// <param name="IsExtension">The method is a static extension method; the receiver is its first parameter.</param>
internal sealed record RecordedCall(
    int Id,
    string Method,
    string ContainingType,
    EquatableArray<string> ParameterTypes,
    bool IsExtension,
    EquatableArray<RecordedArgument> Arguments);
