namespace NatDsl.Formats.Save;

/// <summary>
/// One argument of a rule line after <c>iptables-restore</c>'s quoting rules were applied: the
/// resulting text, and where its raw form (quotes included) lies in the line. An argument
/// without quotes may be lazy: its text stays a range of the line until something asks for
/// <see cref="Text"/> (then it is the token pool's string), so values read as numbers or
/// addresses (<see cref="Range"/>) never become strings.
/// </summary>
internal readonly struct RuleToken
{
    private readonly string? _text;
    private readonly string? _buffer;
    private readonly TokenPool? _pool;
    private readonly int _offset;

    public RuleToken(string text, int start, int end, bool quoted)
    {
        _text = text;
        _buffer = null;
        _pool = null;
        _offset = 0;
        Start = start;
        End = end;
        Quoted = quoted;
    }

    /// <summary>An argument without quotes: <paramref name="buffer"/> from <paramref name="offset"/>, <paramref name="end"/> − <paramref name="start"/> characters.</summary>
    public RuleToken(string buffer, int offset, int start, int end, TokenPool pool)
    {
        _text = null;
        _buffer = buffer;
        _pool = pool;
        _offset = offset;
        Start = start;
        End = end;
        Quoted = false;
    }

    /// <summary>The argument as the command sees it (quotes and escapes removed).</summary>
    public string Text => _text ?? (_pool is null ? _text! : _pool.Intern(_buffer!, _offset, End - Start));

    /// <summary>True when <see cref="Text"/> is the token pool's string (a token without quotes read from the line).</summary>
    public bool Pooled => _pool is not null && End - Start <= TokenPool.MaxLength;

    /// <summary>The length of <see cref="Text"/>.</summary>
    public int Length => _text?.Length ?? End - Start;

    /// <summary>0-based index of the first raw character (an opening quote included).</summary>
    public int Start { get; }

    /// <summary>0-based index just after the last raw character.</summary>
    public int End { get; }

    /// <summary>
    /// True when any part of the argument was inside double quotes. It says nothing of what the
    /// argument means (iptables-restore removes the quotes before its option loop, so <c>"-j"</c>
    /// is -j); it keeps fast paths that compare raw line text away from it.
    /// </summary>
    public bool Quoted { get; }

    /// <summary>Where <see cref="Text"/>'s characters are, without making it: <paramref name="text"/> from <paramref name="offset"/> for <see cref="Length"/> characters.</summary>
    public void Range(out string text, out int offset)
    {
        if (_text is not null)
        {
            text = _text;
            offset = 0;
        }
        else
        {
            text = _buffer!;
            offset = _offset;
        }
    }

    /// <summary>Whether <see cref="Text"/> is <paramref name="value"/> (without making it).</summary>
    public bool Is(string value)
    {
        if (_text is not null) return string.Equals(_text, value, System.StringComparison.Ordinal);
        return End - Start == value.Length && string.CompareOrdinal(_buffer, _offset, value, 0, value.Length) == 0;
    }

    public override string ToString() => Text;
}
