using System;
using System.IO;

namespace NatDsl.Formats;

/// <summary>
/// Text already taken from a reader (to look at the first lines) followed by the rest of that
/// reader; counts the lines it hands out the way <see cref="DumpText.Split"/> counts them.
/// </summary>
internal sealed class PrefixedReader : TextReader
{
    private readonly string _prefix;
    private readonly TextReader _rest;
    private int _position;
    private long _newlines;
    private bool _any;
    private char _last;

    public PrefixedReader(string prefix, TextReader rest)
    {
        _prefix = prefix;
        _rest = rest;
    }

    /// <summary>The number of lines read so far (a last line without <c>\n</c> counts).</summary>
    public int Lines => (int)Math.Min(int.MaxValue, _newlines + (_any && _last != '\n' ? 1 : 0));

    public override int Peek() => _position < _prefix.Length ? _prefix[_position] : _rest.Peek();

    public override int Read()
    {
        var buffer = new char[1];
        return Read(buffer, 0, 1) == 1 ? buffer[0] : -1;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        int read;
        if (_position < _prefix.Length)
        {
            read = Math.Min(count, _prefix.Length - _position);
            _prefix.CopyTo(_position, buffer, index, read);
            _position += read;
        }
        else
        {
            read = _rest.Read(buffer, index, count);
        }
        for (var i = index; i < index + read; i++)
        {
            if (buffer[i] == '\n') _newlines++;
        }
        if (read > 0)
        {
            _any = true;
            _last = buffer[index + read - 1];
        }
        return read;
    }
}
