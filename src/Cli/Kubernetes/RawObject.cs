namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// One object found in an input, not yet deserialized: its kind, API version and name, where it
/// starts, and its own text. <see cref="Text"/> keeps the object's lines as they are in the
/// input (the part of the first line before the object is blanked out), so a line and column
/// in it map back to the input by adding <see cref="FirstLine"/> − 1 to the line.
/// </summary>
internal sealed record RawObject(string Kind, string ApiVersion, string Name, SourceLocation Location, string Text, int FirstLine, bool IsJson);
