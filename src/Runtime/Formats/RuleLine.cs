namespace NatDsl.Formats;

/// <summary>Where a rule of a parsed listing was written in the input.</summary>
/// <param name="Chain">The chain of the rule.</param>
/// <param name="Index">0-based position of the rule in its chain.</param>
/// <param name="Line">1-based line number in the input.</param>
/// <param name="Text">The rule's line as it was (without its line end).</param>
public sealed record RuleLine(string Chain, int Index, int Line, string Text);
