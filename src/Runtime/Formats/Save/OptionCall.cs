namespace NatDsl.Formats.Save;

/// <summary>The option being handled by an extension parser: its token, inversion, and access to its arguments.</summary>
internal sealed class OptionCall
{
    private readonly RuleParseContext _context;
    private RuleToken _inline;
    private bool _hasInline;

    public OptionCall(RuleParseContext context)
    {
        _context = context;
    }

    /// <summary>The option's full name without dashes (for messages).</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The option token.</summary>
    public RuleToken Token { get; private set; }

    /// <summary>True when <c>!</c> preceded the option.</summary>
    public bool Inverted { get; private set; }

    /// <summary>The rule being parsed.</summary>
    public RuleParseContext Context => _context;

    public void Reset(string name, RuleToken token, bool inverted, RuleToken? inline)
    {
        Name = name;
        Token = token;
        Inverted = inverted;
        _hasInline = inline.HasValue;
        _inline = inline.GetValueOrDefault();
    }

    /// <summary>Consumes the option's argument (the <c>=value</c> part or the next argument).</summary>
    public RuleToken Argument()
    {
        if (_hasInline)
        {
            _hasInline = false;
            return _inline;
        }
        if (!_context.HasMore) throw Error("option \"--" + Name + "\" requires an argument");
        return _context.Next();
    }

    /// <summary>Rejects <c>!</c> for options that cannot be inverted.</summary>
    public void NoInvert()
    {
        if (Inverted) throw Error("option \"--" + Name + "\" cannot be inverted");
    }

    /// <summary>An error located at the option.</summary>
    public DumpParseException Error(string problem) => _context.Line.Error(Token, problem);

    /// <summary>An error located at one of its arguments.</summary>
    public DumpParseException Error(RuleToken at, string problem) => _context.Line.Error(at, problem);
}
