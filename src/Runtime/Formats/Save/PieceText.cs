using System.Collections.Generic;
using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>
/// Text written in order into builders: <see cref="Current"/> for what is written on this
/// thread, and whole builders written elsewhere (pieces of a large table) taken as they are.
/// <see cref="ToString"/> copies every part once into the one result string.
/// </summary>
internal sealed class PieceText
{
    private readonly List<StringBuilder> _parts = new List<StringBuilder>();

    public PieceText(int capacity) => Current = new StringBuilder(capacity);

    /// <summary>The builder to append to now.</summary>
    public StringBuilder Current { get; private set; }

    /// <summary>Appends <paramref name="pieces"/> (not copied now) after what is written so far.</summary>
    public void Add(IEnumerable<StringBuilder> pieces)
    {
        _parts.Add(Current);
        _parts.AddRange(pieces);
        Current = new StringBuilder(1 << 12);
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
                foreach (var chunk in part.GetChunks())
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
        foreach (var part in _parts) all.Append(part.ToString());
        all.Append(Current.ToString());
        return all.ToString();
#endif
    }
}
