using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>The state of one rule line being parsed: its arguments, a cursor, and what the generic options said so far.</summary>
internal sealed class RuleParseContext
{
    public RuleParseContext(FamilyState family)
    {
        Family = family;
        Call = new OptionCall(this);
    }

    public FamilyState Family { get; }

    /// <summary>The extensions loaded by the rule being parsed (see <c>RuleSpecParser</c>).</summary>
    public List<ExtensionParser> Extensions { get; } = new List<ExtensionParser>(4);

    /// <summary>The matches of the rule being parsed: parsers, or finished raw matches.</summary>
    public List<object> Matches { get; } = new List<object>(4);

    /// <summary>The shared strings of the file being read.</summary>
    public TokenPool Pool { get; } = new TokenPool();

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

    /// <summary>
    /// One string instance per distinct text for the whole parse: a dump repeats chain names and
    /// comments many times (kube-proxy writes each service's comment on several rules), and the
    /// model keeps them, so sharing keeps a large dump's model small.
    /// </summary>
    public string Share(string text)
    {
        if (_shared.TryGetValue(text, out var shared)) return shared;
        _shared.Add(text, text);
        return text;
    }

    private readonly Dictionary<string, string> _shared = new Dictionary<string, string>(System.StringComparer.Ordinal);

    // Immutable model values that repeat across a dump, one instance each (see SharedMatches).
    private readonly SharedProtocols _protocols = new SharedProtocols();
    private readonly JumpTarget?[] _jumps = new JumpTarget?[64];
    private readonly Dictionary<Match, Match> _matches = new Dictionary<Match, Match>();
    private readonly Dictionary<ValueList<Match>, ValueList<Match>> _matchLists = new Dictionary<ValueList<Match>, ValueList<Match>>();

    /// <summary><c>-p</c> with protocol <paramref name="number"/>, one instance per value.</summary>
    public Negatable<int> SharedProtocol(int number, bool inverted) => _protocols.Of(number, inverted);

    /// <summary>
    /// <c>-j CHAIN</c>: the jumps to the chains most rules jump to (KUBE-MARK-MASQ, ...) shared
    /// through a small cache by name (most jumps of a kube-proxy dump go to a chain jumped to once,
    /// which a dictionary of every name would only make larger).
    /// </summary>
    public JumpTarget SharedJump(string chain)
    {
        var slot = System.StringComparer.Ordinal.GetHashCode(chain) & (_jumps.Length - 1);
        var cached = _jumps[slot];
        if (cached is not null && string.Equals(cached.Chain, chain, System.StringComparison.Ordinal)) return cached;
        var jump = new JumpTarget(Share(chain));
        _jumps[slot] = jump;
        return jump;
    }

    /// <summary>
    /// The rule's matches as one instance per distinct value, and the list itself shared with
    /// every rule that has an equal list. Model values are immutable, so sharing is invisible; a
    /// kube-proxy dump repeats the same statistic, port and comment matches (and whole lists) on
    /// thousands of rules, and each shared instance is one object less for the collector to promote.
    /// </summary>
    public ValueList<Match> SharedMatches(Match[] matches)
    {
        if (matches.Length == 0) return ValueList<Match>.Empty;
        for (var i = 0; i < matches.Length; i++)
        {
            var match = matches[i];
            if (_matches.TryGetValue(match, out var shared)) matches[i] = shared;
            else _matches.Add(match, match);
        }
        var list = ValueList<Match>.Own(matches);
        if (_matchLists.TryGetValue(list, out var sharedList)) return sharedList;
        _matchLists.Add(list, list);
        return list;
    }

    public RuleToken Next() => Tokens[Position++];

    public RuleToken Peek() => Tokens[Position];

    /// <summary>True when the rule's protocol is <paramref name="number"/> and not inverted.</summary>
    public bool ProtocolIs(int number) => Protocol == number && !ProtocolInverted;
}
