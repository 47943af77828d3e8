namespace NatDsl.Generator.Model;

/// <summary>
/// A rule set with a golden dump and the text of the dump, if an AdditionalFiles item matches.
/// </summary>
/// <param name="FilePath">The matching additional file's path, or null when none matches.</param>
/// <param name="Text">Its text, or null when none matches or it cannot be read.</param>
/// <param name="NodeScript">The generated node rules as save text.</param>
internal sealed record GoldenInput(RuleSetClassInfo Class, string Golden, string NodeScript, string? FilePath, string? Text);
