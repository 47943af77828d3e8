using System;
using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>Text written into one growing character array (kept as it is: no string is made of it).</summary>
internal sealed class CharText
{
    private char[] _chars;

    public CharText(int capacity) => _chars = new char[Math.Max(capacity, 256)];

    /// <summary>The array; its first <see cref="Length"/> characters are the text.</summary>
    public char[] Chars => _chars;

    public int Length { get; private set; }

    public CharText Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(0, _chars, Length, text.Length);
        Length += text.Length;
        return this;
    }

    public CharText Append(char c)
    {
        Reserve(1);
        _chars[Length++] = c;
        return this;
    }

    /// <summary>Appends the whole of <paramref name="builder"/>.</summary>
    public CharText Append(StringBuilder builder)
    {
        Reserve(builder.Length);
        builder.CopyTo(0, _chars, Length, builder.Length);
        Length += builder.Length;
        return this;
    }

    private void Reserve(int more)
    {
        if (Length + more <= _chars.Length) return;
        var grown = new char[Math.Max(Length + more, _chars.Length * 2)];
        Array.Copy(_chars, grown, Length);
        _chars = grown;
    }
}
