using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A line parsed ahead of the line loop (<see cref="RuleLinePreparse"/>): a rule line (where it
/// starts, the chain argument, the rule, the jump argument, the address families it saw as
/// <see cref="FamilyState.Seen"/>) or a chain line (the name, the policy word, <c>[0:0]</c> or no
/// counters). Kept compact (32 bytes): a large dump holds hundreds of thousands of them until
/// the loop takes them.
/// </summary>
internal readonly struct PreparsedLine
{
    private const int FamilyBits = 3, HasJump = 4, ChainLine = 8, ZeroCounters = 16, PolicyShift = 5;

    private static readonly string[] PolicyWords = { "-", "ACCEPT", "DROP" };

    // Where the chain argument (or the chain line's name) starts; for a rule line where the jump
    // argument starts, for a chain line where the policy word does. The arguments are without
    // quotes (lines with quoted ones are left to the loop), so each ends where its text does.
    private readonly int _chainStart, _otherStart, _flags;

    /// <summary>A rule line; throws for a chain or jump argument in quotes (the loop reads such a line itself).</summary>
    public PreparsedLine(int offset, RuleToken chain, ParsedRule parsed, int families)
    {
        if (chain.Quoted) throw new System.ArgumentException("a quoted chain argument", nameof(chain));
        Offset = offset;
        Rule = parsed.Rule;
        ChainName = chain.Text;
        _chainStart = chain.Start;
        _flags = families & FamilyBits;
        if (parsed.JumpToken is { } jump)
        {
            // The jump argument's text is the chain of the rule's JumpTarget (RuleSpecParser sets
            // the token only for a JumpTarget made from it), so only its place is kept.
            if (jump.Quoted || jump.End - jump.Start != jump.Length || parsed.Rule.Target is not JumpTarget target || !string.Equals(target.Chain, jump.Text, System.StringComparison.Ordinal))
            {
                throw new System.ArgumentException("a jump argument in quotes, or without its jump target", nameof(parsed));
            }
            _otherStart = jump.Start;
            _flags |= HasJump;
        }
        else
        {
            _otherStart = 0;
        }
    }

    /// <summary>A chain line <c>:NAME POLICY [0:0]</c> (or without counters); <paramref name="policy"/> is <c>-</c>, <c>ACCEPT</c> or <c>DROP</c>.</summary>
    public PreparsedLine(int offset, RuleToken name, RuleToken policy, bool zeroCounters)
    {
        var word = System.Array.IndexOf(PolicyWords, policy.Text);
        if (word < 0 || name.Quoted || policy.Quoted || name.End - name.Start != name.Length || policy.End - policy.Start != policy.Length)
        {
            throw new System.ArgumentException("not a chain line's name and policy word", nameof(policy));
        }
        Offset = offset;
        Rule = null;
        ChainName = name.Text;
        _chainStart = name.Start;
        _otherStart = policy.Start;
        _flags = ChainLine | (zeroCounters ? ZeroCounters : 0) | (word << PolicyShift);
    }

    /// <summary>Where the line starts in the text.</summary>
    public int Offset { get; }

    /// <summary>True for a chain line, false for a rule line.</summary>
    public bool IsChainLine => (_flags & ChainLine) != 0;

    /// <summary>The rule read from a rule line (null for a chain line).</summary>
    public Rule? Rule { get; }

    /// <summary>The text of <see cref="Chain"/>.</summary>
    public string ChainName { get; }

    /// <summary>The <c>-A</c> chain argument of a rule line, or the name of a chain line.</summary>
    public RuleToken Chain => new RuleToken(ChainName, _chainStart, _chainStart + ChainName.Length, false);

    /// <summary>The jump or goto argument naming a chain (checked against the table), or null.</summary>
    public RuleToken? JumpToken
    {
        get
        {
            if ((_flags & HasJump) == 0) return null;
            var chain = ((JumpTarget)Rule!.Target!).Chain;
            return new RuleToken(chain, _otherStart, _otherStart + chain.Length, false);
        }
    }

    /// <summary>The families the parse of a rule line saw (1: IPv4, 2: IPv6).</summary>
    public int Families => _flags & FamilyBits;

    /// <summary>The policy word of a chain line.</summary>
    public RuleToken Policy
    {
        get
        {
            var word = PolicyWords[_flags >> PolicyShift];
            return new RuleToken(word, _otherStart, _otherStart + word.Length, false);
        }
    }

    /// <summary>The counters of a chain line: <c>[0:0]</c>, or null when the line has none.</summary>
    public Counters? Counters => (_flags & ZeroCounters) != 0 ? Model.Counters.Zero : null;
}
