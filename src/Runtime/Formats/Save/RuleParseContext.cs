using System.Collections.Generic;

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

    public RuleToken Next() => Tokens[Position++];

    public RuleToken Peek() => Tokens[Position];

    /// <summary>True when the rule's protocol is <paramref name="number"/> and not inverted.</summary>
    public bool ProtocolIs(int number) => Protocol == number && !ProtocolInverted;
}
