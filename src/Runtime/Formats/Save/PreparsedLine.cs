using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A line parsed ahead of the line loop (<see cref="RuleLinePreparse"/>): a rule line (where it
/// starts, the chain argument, the rule, the jump argument, the address families it saw as
/// <see cref="FamilyState.Seen"/>) or a chain line (the name, the policy word, <c>[0:0]</c> or no
/// counters). Kept compact (40 bytes): a large dump holds hundreds of thousands of them until
/// the loop takes them.
/// </summary>
internal readonly struct PreparsedLine
{
    private const int FamilyBits = 3, ChainQuoted = 4, HasJump = 8, JumpQuoted = 16, ChainLine = 32, ZeroCounters = 64, PolicyShift = 7;

    private static readonly string[] PolicyWords = { "-", "ACCEPT", "DROP" };

    // For a rule line the jump argument's place; for a chain line the policy word's.
    private readonly int _chainStart, _chainEnd, _otherStart, _otherEnd, _flags;

    /// <summary>A rule line.</summary>
    public PreparsedLine(int offset, RuleToken chain, ParsedRule parsed, int families)
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
            _otherStart = jump.Start;
            _otherEnd = jump.End;
            _flags |= HasJump | (jump.Quoted ? JumpQuoted : 0);
        }
        else
        {
            _otherStart = _otherEnd = 0;
        }
    }

    /// <summary>A chain line <c>:NAME POLICY [0:0]</c> (or without counters); <paramref name="policy"/> is <c>-</c>, <c>ACCEPT</c> or <c>DROP</c>.</summary>
    public PreparsedLine(int offset, RuleToken name, RuleToken policy, bool zeroCounters)
    {
        Offset = offset;
        Rule = null;
        ChainText = name.Text;
        _chainStart = name.Start;
        _chainEnd = name.End;
        _otherStart = policy.Start;
        _otherEnd = policy.End;
        var word = System.Array.IndexOf(PolicyWords, policy.Text);
        if (word < 0 || name.Quoted || policy.Quoted) throw new System.ArgumentException("not a chain line's policy word", nameof(policy));
        _flags = ChainLine | (zeroCounters ? ZeroCounters : 0) | (word << PolicyShift);
    }

    /// <summary>Where the line starts in the text.</summary>
    public int Offset { get; }

    /// <summary>True for a chain line, false for a rule line.</summary>
    public bool IsChainLine => (_flags & ChainLine) != 0;

    /// <summary>The rule read from a rule line (null for a chain line).</summary>
    public Rule? Rule { get; }

    /// <summary>The text of <see cref="Chain"/>.</summary>
    public string ChainName => ChainText;

    private string ChainText { get; }

    /// <summary>The <c>-A</c> chain argument of a rule line, or the name of a chain line.</summary>
    public RuleToken Chain => new RuleToken(ChainText, _chainStart, _chainEnd, (_flags & ChainQuoted) != 0);

    /// <summary>The jump or goto argument naming a chain (checked against the table), or null.</summary>
    public RuleToken? JumpToken => (_flags & HasJump) == 0
        ? null
        : new RuleToken(((JumpTarget)Rule!.Target!).Chain, _otherStart, _otherEnd, (_flags & JumpQuoted) != 0);

    /// <summary>The families the parse of a rule line saw (1: IPv4, 2: IPv6).</summary>
    public int Families => _flags & FamilyBits;

    /// <summary>The policy word of a chain line.</summary>
    public RuleToken Policy => new RuleToken(PolicyWords[_flags >> PolicyShift], _otherStart, _otherEnd, false);

    /// <summary>The counters of a chain line: <c>[0:0]</c>, or null when the line has none.</summary>
    public Counters? Counters => (_flags & ZeroCounters) != 0 ? Model.Counters.Zero : null;
}
