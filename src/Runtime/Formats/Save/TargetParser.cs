using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>An <see cref="ExtensionParser"/> that yields a target.</summary>
internal abstract class TargetParser : ExtensionParser
{
    /// <summary>The target built from the options read.</summary>
    public abstract Target Build(RuleParseContext context);
}
