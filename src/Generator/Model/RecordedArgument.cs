namespace NatDsl.Generator.Model;

/// <summary>One argument of a recorded call, by the parameter it binds to.</summary>
internal sealed record RecordedArgument(string Parameter, RecordedValue Value);
