using System.Collections.Generic;
using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>
/// Text written in order into builders: <see cref="Current"/> for what is written on this
/// thread, whole builders written elsewhere (pieces of a large table) and ranges of character
/// arrays written elsewhere (chains rendered while they were compiled) taken as they are.
/// <see cref="ToString"/> copies every part once into the one result string.
/// </summary>
internal sealed class PieceText
{
    private readonly List<Part> _parts = new List<Part>();

    public PieceText(int capacity) => Current = new StringBuilder(capacity);

    /// <summary>The builder to append to now.</summary>
    public StringBuilder Current { get; private set; }

    /// <summary>Appends <paramref name="pieces"/> (not copied now) after what is written so far.</summary>
    public void Add(IEnumerable<StringBuilder> pieces)
    {
        _parts.Add(new Part(Current));
        foreach (var piece in pieces) _parts.Add(new Part(piece));
        Current = new StringBuilder(1 << 12);
    }

    /// <summary>Appends <paramref name="length"/> characters of <paramref name="chars"/> from <paramref name="start"/> (not copied now).</summary>
    public void Add(char[] chars, int start, int length)
    {
        if (Current.Length > 0)
        {
            _parts.Add(new Part(Current));
            Current = new StringBuilder(1 << 12);
        }
        _parts.Add(new Part(chars, start, length));
    }

    public override string ToString()
    {
        if (_parts.Count == 0) return Current.ToString();
        var length = Current.Length;
        foreach (var part in _parts) length += part.Length;
#if NET5_0_OR_GREATER
        return string.Create(length, this, static (span, text) =>
        {
            var at = 0;
            foreach (var part in text._parts)
            {
                if (part.Builder is null)
                {
                    new System.ReadOnlySpan<char>(part.Chars, part.Start, part.Length).CopyTo(span.Slice(at));
                    at += part.Length;
                    continue;
                }
                foreach (var chunk in part.Builder.GetChunks())
                {
                    chunk.Span.CopyTo(span.Slice(at));
                    at += chunk.Length;
                }
            }
            foreach (var chunk in text.Current.GetChunks())
            {
                chunk.Span.CopyTo(span.Slice(at));
                at += chunk.Length;
            }
        });
#else
        var all = new StringBuilder(length);
        foreach (var part in _parts)
        {
            if (part.Builder is null) all.Append(part.Chars, part.Start, part.Length);
            else all.Append(part.Builder.ToString());
        }
        all.Append(Current.ToString());
        return all.ToString();
#endif
    }

    /// <summary>A builder, or a range of a character array.</summary>
    private readonly struct Part
    {
        public Part(StringBuilder builder)
        {
            Builder = builder;
            Chars = null;
            Start = 0;
            Length = builder.Length;
        }

        public Part(char[] chars, int start, int length)
        {
            Builder = null;
            Chars = chars;
            Start = start;
            Length = length;
        }

        public StringBuilder? Builder { get; }

        public char[]? Chars { get; }

        public int Start { get; }

        public int Length { get; }
    }
}
