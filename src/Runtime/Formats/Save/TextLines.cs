using System;
using System.IO;
using System.Text;

namespace NatDsl.Formats.Save;

/// <summary>
/// Lines of an input, split at <c>\n</c> only, one <c>\r</c> before it removed, read either from a
/// string or from a <see cref="TextReader"/> without holding the whole input (one line at a time).
/// </summary>
internal abstract class TextLines
{
    /// <summary>The next line without its line end; false at the end of the input.</summary>
    /// <param name="buffer">The string holding the line: the whole input when read from a string (no copy per line).</param>
    /// <param name="start">Where the line starts in <paramref name="buffer"/>.</param>
    /// <param name="length">The line's length without its line end.</param>
    /// <param name="newline">Whether a <c>\n</c> ended it (false only for a last line without one).</param>
    /// <param name="carriageReturn">Whether a <c>\r</c> stood before that <c>\n</c>.</param>
    public abstract bool Next(out string buffer, out int start, out int length, out bool newline, out bool carriageReturn);

    /// <summary>Lines of a string.</summary>
    public static TextLines Of(string text) => new StringLines(text);

    /// <summary>Lines of a reader, read in blocks.</summary>
    public static TextLines Of(TextReader reader) => new ReaderLines(reader);

    private sealed class StringLines : TextLines
    {
        private readonly string _text;
        private int _position;

        public StringLines(string text) => _text = text;

        public override bool Next(out string buffer, out int start, out int length, out bool newline, out bool carriageReturn)
        {
            buffer = _text;
            start = _position;
            if (_position >= _text.Length)
            {
                length = 0;
                newline = carriageReturn = false;
                return false;
            }
            var at = _text.IndexOf('\n', _position);
            newline = at >= 0;
            var end = newline ? at : _text.Length;
            var contentEnd = end;
            if (contentEnd > _position && _text[contentEnd - 1] == '\r') contentEnd--;
            carriageReturn = newline && contentEnd < end;
            length = contentEnd - _position;
            _position = newline ? at + 1 : _text.Length;
            return true;
        }
    }

    private sealed class ReaderLines : TextLines
    {
        private readonly TextReader _reader;
        private readonly char[] _buffer = new char[1 << 16];
        private readonly StringBuilder _line = new StringBuilder();
        private int _start;
        private int _end;
        private bool _done;

        public ReaderLines(TextReader reader) => _reader = reader ?? throw new ArgumentNullException(nameof(reader));

        public override bool Next(out string buffer, out int start, out int length, out bool newline, out bool carriageReturn)
        {
            start = 0;
            _line.Length = 0;
            while (true)
            {
                if (_start >= _end)
                {
                    if (_done || !Fill())
                    {
                        newline = carriageReturn = false;
                        if (_line.Length == 0)
                        {
                            buffer = string.Empty;
                            length = 0;
                            return false;
                        }
                        buffer = Take(false, out carriageReturn);
                        length = buffer.Length;
                        return true;
                    }
                }
                var at = Array.IndexOf(_buffer, '\n', _start, _end - _start);
                if (at < 0)
                {
                    _line.Append(_buffer, _start, _end - _start);
                    _start = _end;
                    continue;
                }
                _line.Append(_buffer, _start, at - _start);
                _start = at + 1;
                newline = true;
                buffer = Take(true, out carriageReturn);
                length = buffer.Length;
                return true;
            }
        }

        private string Take(bool newline, out bool carriageReturn)
        {
            carriageReturn = newline && _line.Length > 0 && _line[_line.Length - 1] == '\r';
            var length = carriageReturn ? _line.Length - 1 : _line.Length;
            return _line.ToString(0, length);
        }

        private bool Fill()
        {
            _start = 0;
            _end = _reader.Read(_buffer, 0, _buffer.Length);
            if (_end > 0) return true;
            _end = 0;
            _done = true;
            return false;
        }
    }
}
