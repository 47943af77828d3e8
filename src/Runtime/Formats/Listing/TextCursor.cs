using System;
using System.Globalization;

namespace NatDsl.Formats.Listing;

/// <summary>A forward-only reader over a piece of listing text, used by the extension readers.</summary>
internal sealed class TextCursor
{
    private string _text;
    private int _end;

    /// <summary>Reads <paramref name="text"/> from <paramref name="start"/> up to <paramref name="end"/> (exclusive).</summary>
    public TextCursor(string text, int start, int end)
    {
        _text = text;
        Position = start;
        _end = end;
    }

    /// <summary>Makes this cursor read <paramref name="text"/> from <paramref name="start"/> up to <paramref name="end"/> (exclusive).</summary>
    public void Reset(string text, int start, int end)
    {
        _text = text;
        Position = start;
        _end = end;
    }

    /// <summary>The current index in the text.</summary>
    public int Position { get; set; }

    /// <summary>True at the end.</summary>
    public bool AtEnd => Position >= _end;

    /// <summary>True at the end or before a space: a place where an item may end.</summary>
    public bool AtItemEnd => Position >= _end || _text[Position] == ' ';

    /// <summary>Consumes <paramref name="literal"/> when it comes next.</summary>
    public bool Literal(string literal)
    {
        if (Position + literal.Length > _end || string.CompareOrdinal(_text, Position, literal, 0, literal.Length) != 0) return false;
        Position += literal.Length;
        return true;
    }

    /// <summary>Reads one character; false at the end.</summary>
    public bool Next(out char c)
    {
        c = '\0';
        if (Position >= _end) return false;
        c = _text[Position++];
        return true;
    }

    /// <summary>True when <paramref name="literal"/> comes next (nothing consumed).</summary>
    public bool Peek(string literal) =>
        Position + literal.Length <= _end && string.CompareOrdinal(_text, Position, literal, 0, literal.Length) == 0;

    /// <summary>Reads a run of characters up to the next space or the end; false when empty.</summary>
    public bool Word(out string word)
    {
        var stop = _text.IndexOf(' ', Position, _end - Position);
        if (stop < 0) stop = _end;
        word = _text.Substring(Position, stop - Position);
        if (word.Length == 0) return false;
        Position = stop;
        return true;
    }

    /// <summary>Reads a run of characters up to (not including) one of <paramref name="stops"/>, a space, or the end.</summary>
    public bool Until(out string word, params char[] stops)
    {
        var start = Position;
        while (Position < _end && _text[Position] != ' ' && Array.IndexOf(stops, _text[Position]) < 0) Position++;
        word = _text.Substring(start, Position - start);
        return word.Length > 0;
    }

    /// <summary>Reads a decimal number without sign (at most <paramref name="max"/>).</summary>
    public bool Number(out ulong value, ulong max = ulong.MaxValue)
    {
        value = 0;
        var start = Position;
        while (Position < _end && _text[Position] >= '0' && _text[Position] <= '9') Position++;
        if (Position == start || !ulong.TryParse(_text.Substring(start, Position - start), NumberStyles.None, CultureInfo.InvariantCulture, out value) || value > max)
        {
            Position = start;
            return false;
        }
        return true;
    }

    /// <summary>Reads a decimal number that may start with <c>-</c> (for <c>%d</c> output).</summary>
    public bool SignedNumber(out long value)
    {
        value = 0;
        var start = Position;
        var negative = Literal("-");
        if (!Number(out var magnitude, (ulong)int.MaxValue + 1))
        {
            Position = start;
            return false;
        }
        value = negative ? -(long)magnitude : (long)magnitude;
        return true;
    }

    /// <summary>Reads <c>0x</c> followed by hex digits into 32 bits.</summary>
    public bool Hex(out uint value)
    {
        value = 0;
        var start = Position;
        if (!Literal("0x")) return false;
        var digits = Position;
        while (Position < _end && Uri.IsHexDigit(_text[Position])) Position++;
        if (Position == digits || !uint.TryParse(_text.Substring(digits, Position - digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
        {
            Position = start;
            return false;
        }
        return true;
    }
}
