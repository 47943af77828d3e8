using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A rule line parsed ahead of the line loop (<see cref="RuleLinePreparse"/>): where the line
/// starts, the chain argument, the rule, the jump argument, and the address families it saw
/// (<see cref="FamilyState.Seen"/>). Kept compact (40 bytes): a large dump holds hundreds of
/// thousands of them until the loop takes them.
/// </summary>
internal readonly struct PreparsedRule
{
    private const int FamilyBits = 3, ChainQuoted = 4, HasJump = 8, JumpQuoted = 16;

    private readonly int _chainStart, _chainEnd, _jumpStart, _jumpEnd, _flags;

    public PreparsedRule(int offset, RuleToken chain, ParsedRule parsed, int families)
    {
        Offset = offset;
        Rule = parsed.Rule;
        ChainText = chain.Text;
        _chainStart = chain.Start;
        _chainEnd = chain.End;
        _flags = (families & FamilyBits) | (chain.Quoted ? ChainQuoted : 0);
        if (parsed.JumpToken is { } jump)
        {
            // The jump argument's text is the chain of the rule's JumpTarget (RuleSpecParser sets
            // the token only for a JumpTarget made from it), so only its place is kept.
            if (parsed.Rule.Target is not JumpTarget target || !string.Equals(target.Chain, jump.Text, System.StringComparison.Ordinal))
            {
                throw new System.InvalidOperationException("a jump token without its jump target");
            }
            _jumpStart = jump.Start;
            _jumpEnd = jump.End;
            _flags |= HasJump | (jump.Quoted ? JumpQuoted : 0);
        }
        else
        {
            _jumpStart = _jumpEnd = 0;
        }
    }

    /// <summary>Where the line starts in the text.</summary>
    public int Offset { get; }

    /// <summary>The rule read from the line.</summary>
    public Rule Rule { get; }

    private string ChainText { get; }

    /// <summary>The <c>-A</c> chain argument.</summary>
    public RuleToken Chain => new RuleToken(ChainText, _chainStart, _chainEnd, (_flags & ChainQuoted) != 0);

    /// <summary>The jump or goto argument naming a chain (checked against the table), or null.</summary>
    public RuleToken? JumpToken => (_flags & HasJump) == 0
        ? null
        : new RuleToken(((JumpTarget)Rule.Target!).Chain, _jumpStart, _jumpEnd, (_flags & JumpQuoted) != 0);

    /// <summary>The families the parse saw (1: IPv4, 2: IPv6).</summary>
    public int Families => _flags & FamilyBits;
}
