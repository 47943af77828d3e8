using System;
using System.Collections.Generic;
using System.IO;

namespace NatDsl.Tests.Injection;

/// <summary>A <see cref="TextReader"/> over generated lines (each followed by <c>\n</c>), so a huge input never exists as one string.</summary>
public sealed class LineReader : TextReader
{
    private readonly IEnumerator<string> _lines;
    private string _current = string.Empty;
    private int _offset;

    /// <summary>Reads <paramref name="lines"/>.</summary>
    public LineReader(IEnumerable<string> lines) => _lines = lines.GetEnumerator();

    /// <summary>Characters handed out so far.</summary>
    public long CharactersRead { get; private set; }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count)
    {
        var written = 0;
        while (written < count)
        {
            if (_offset >= _current.Length)
            {
                if (!_lines.MoveNext()) break;
                _current = _lines.Current + "\n";
                _offset = 0;
            }
            var n = Math.Min(count - written, _current.Length - _offset);
            _current.CopyTo(_offset, buffer, index + written, n);
            _offset += n;
            written += n;
        }
        CharactersRead += written;
        return written;
    }

    /// <inheritdoc />
    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) == 0 ? -1 : one[0];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _lines.Dispose();
        base.Dispose(disposing);
    }
}
