using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>The state of one rule line being parsed: its arguments, a cursor, and what the generic options said so far.</summary>
internal sealed class RuleParseContext
{
    public RuleParseContext(FamilyState family, ParseSharing? sharing = null)
    {
        Family = family;
        Sharing = sharing ?? new ParseSharing();
        Call = new OptionCall(this);
    }

    public FamilyState Family { get; }

    /// <summary>The extensions loaded by the rule being parsed (see <c>RuleSpecParser</c>).</summary>
    public List<ExtensionParser> Extensions { get; } = new List<ExtensionParser>(4);

    /// <summary>The matches of the rule being parsed: parsers, or finished raw matches.</summary>
    public List<object> Matches { get; } = new List<object>(4);

    /// <summary>The strings and values this context shares between the rules it parses.</summary>
    public ParseSharing Sharing { get; }

    /// <summary>The shared strings of the file being read.</summary>
    public TokenPool Pool => Sharing.Pool;

    /// <summary>The built matches of the rule being parsed (reused; grown when a rule has more).</summary>
    public Match[] Built { get; private set; } = new Match[8];

    public InputLine Line { get; private set; } = new InputLine(string.Empty, 0, string.Empty);

    public List<RuleToken> Tokens { get; } = new List<RuleToken>();

    public int Position { get; set; }

    /// <summary>The <c>-p</c> protocol number given so far, or null.</summary>
    public int? Protocol { get; set; }

    /// <summary>True when <c>-p</c> was inverted.</summary>
    public bool ProtocolInverted { get; set; }

    /// <summary>The reusable option call.</summary>
    public OptionCall Call { get; }

    public bool HasMore => Position < Tokens.Count;

    public void Reset(InputLine line)
    {
        Line = line;
        Tokens.Clear();
        Position = 0;
        Protocol = null;
        ProtocolInverted = false;
    }

    /// <summary>One string instance per distinct text for the whole parse (see <see cref="ParseSharing.Share"/>).</summary>
    public string Share(string text) => Sharing.Share(text);

    /// <summary><c>-p</c> with protocol <paramref name="number"/>, one instance per value.</summary>
    public Negatable<int> SharedProtocol(int number, bool inverted) => Sharing.Protocol(number, inverted);

    /// <summary><c>-j CHAIN</c> (see <see cref="ParseSharing.Jump"/>).</summary>
    public JumpTarget SharedJump(string chain, bool pooled = false) => Sharing.Jump(chain, pooled);

    /// <summary><c>[!] -s/-d NETWORK</c> (see <see cref="ParseSharing.Network"/>).</summary>
    public Negatable<IpNetwork> SharedNetwork(IpNetwork network, bool inverted) => Sharing.Network(network, inverted);

    /// <summary><c>[!] --sport/--dport RANGE</c> (see <see cref="ParseSharing.Ports"/>).</summary>
    public Negatable<PortRange> SharedPorts(PortRange range, bool inverted) => Sharing.Ports(range, inverted);

    /// <summary>The first <paramref name="count"/> matches of <see cref="Built"/>, shared (see <see cref="ParseSharing.Matches"/>).</summary>
    public ValueList<Match> SharedMatches(int count) => Sharing.Matches(Built, count);

    /// <summary>Makes <see cref="Built"/> hold at least <paramref name="count"/> matches.</summary>
    public Match[] BuiltFor(int count)
    {
        if (Built.Length < count) Built = new Match[System.Math.Max(count, Built.Length * 2)];
        return Built;
    }

    /// <summary>Starts a rule: extension parsers handed out before are free again (see <see cref="Parser{T}"/>).</summary>
    public void StartRule() => _rule++;

    /// <summary>
    /// A parser of kind <paramref name="slot"/> for an occurrence loaded by <paramref name="nameToken"/>:
    /// the one this context keeps for the kind when no earlier occurrence of the rule being
    /// parsed holds it, else a new instance (a rule rarely loads one extension twice).
    /// </summary>
    public T Parser<T>(int slot, RuleToken nameToken)
        where T : ExtensionParser, new()
    {
        var parser = (T?)_parsers[slot];
        if (parser is null) _parsers[slot] = parser = new T();
        else if (parser.Rule == _rule) parser = new T();
        parser.Rule = _rule;
        parser.Start(nameToken);
        return parser;
    }

    private readonly ExtensionParser?[] _parsers = new ExtensionParser?[ExtensionRegistry.ParserSlots];
    private int _rule;

    public RuleToken Next() => Tokens[Position++];

    public RuleToken Peek() => Tokens[Position];

    /// <summary>True when the rule's protocol is <paramref name="number"/> and not inverted.</summary>
    public bool ProtocolIs(int number) => Protocol == number && !ProtocolInverted;
}
