using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>An <see cref="ExtensionParser"/> that yields a match.</summary>
internal abstract class MatchParser : ExtensionParser
{
    /// <summary>The match built from the options read.</summary>
    public abstract Match Build(RuleParseContext context);
}
