namespace NatDsl.Cli.Generation;

/// <summary>One C# source file of a DSL input.</summary>
/// <param name="DisplayPath">The path as diagnostics show it (relative to what the user typed).</param>
/// <param name="Text">The file's text.</param>
internal sealed record DslSourceFile(string DisplayPath, string Text);
