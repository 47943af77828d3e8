namespace NatDsl.Formats;

/// <summary>A line of the input that lenient reading left out because it is not part of the dump.</summary>
/// <param name="Line">1-based line number in the input.</param>
/// <param name="Text">The line as it was (without its line end).</param>
public sealed record SkippedLine(int Line, string Text);
