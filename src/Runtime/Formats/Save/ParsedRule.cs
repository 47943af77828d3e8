using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>A rule read from a line, and the token naming a chain it jumps to (checked against the table).</summary>
internal readonly struct ParsedRule
{
    public ParsedRule(Rule rule, RuleToken? jumpToken)
    {
        Rule = rule;
        JumpToken = jumpToken;
    }

    public Rule Rule { get; }

    public RuleToken? JumpToken { get; }
}
