namespace NatDsl.Cli.Generation;

/// <summary>A <c>[NatRuleSet]</c> class of a compiled DSL input.</summary>
/// <param name="Name">The class name.</param>
/// <param name="MetadataName">The full metadata name (namespace, nesting with <c>+</c>), for reflection.</param>
/// <param name="DisplayName">The full C# name, for messages.</param>
/// <param name="RestoreScript">The generated <c>RestoreScript</c> constant; null when the generator produced none.</param>
internal sealed record RuleSetClass(string Name, string MetadataName, string DisplayName, string? RestoreScript);
