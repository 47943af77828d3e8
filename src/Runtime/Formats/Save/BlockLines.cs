using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace NatDsl.Formats.Save;

/// <summary>
/// The lines of a <see cref="TextReader"/> read in blocks of about a megabyte that end at a line
/// end, each block's <c>-A</c> lines parsed on a worker thread (<see cref="RuleLinePreparse"/>)
/// while the line loop works through the blocks before it: a streamed dump is read on all cores
/// and memory stays the model plus a few blocks. Lines are the ones <see cref="TextLines.Of(TextReader)"/>
/// gives (a <c>\r</c> is removed only before a <c>\n</c>).
/// </summary>
internal sealed class BlockLines : TextLines, IRulePreparse
{
    private const int BlockLength = 1 << 20;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly SaveParseOptions _options;
    private readonly Queue<Block> _ahead = new Queue<Block>();
    private readonly int _depth = Math.Max(2, Environment.ProcessorCount * 2);
    private char[] _buffer = new char[BlockLength + (1 << 16)];
    private int _length;
    private bool _done;
    private Block? _current;
    private int _position;
    private readonly WorkerContexts _contexts;
    private readonly LineChunks _chunks = new LineChunks();
    private PreparsedLines? _items;

    public BlockLines(TextReader reader, string source, SaveParseOptions options)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _source = source;
        _options = options;
        // A streamed dump's size is not known: room for the strings of about 15 MB of kube-proxy
        // dump, each context's own table for more.
        _contexts = new WorkerContexts(options, new SharedTokens(1 << 16));
    }

    public override bool Next(out string buffer, out int start, out int length, out bool newline, out bool carriageReturn)
    {
        while (_current is null || _position >= _current.Text.Length)
        {
            ReadAhead();
            if (_ahead.Count == 0)
            {
                buffer = string.Empty;
                start = length = 0;
                newline = carriageReturn = false;
                return false;
            }
            _current = _ahead.Dequeue();
            _position = 0;
            _items?.ReleaseAll();
            _items = null;
        }
        var text = _current.Text;
        buffer = text;
        start = _position;
        var at = text.IndexOf('\n', _position);
        newline = at >= 0;
        var end = newline ? at : text.Length;
        carriageReturn = newline && end > _position && text[end - 1] == '\r';
        length = (carriageReturn ? end - 1 : end) - _position;
        _position = newline ? at + 1 : text.Length;
        return true;
    }

    /// <inheritdoc />
    public bool TryTake(InputLine line, out PreparsedLine preparsed)
    {
        preparsed = default;
        if (_current is null || !ReferenceEquals(line.Buffer, _current.Text)) return false;
        if (_items is null)
        {
            try
            {
                _items = _current.Rules.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The line loop parses the block's lines itself.
                _items = PreparsedLines.None;
            }
        }
        return _items.TryTake(line.Start, out preparsed);
    }

    /// <summary>The strings the workers share, for the line loop to share too.</summary>
    public SharedTokens Tokens => _contexts.Tokens;

    /// <inheritdoc />
    public int SameChainAhead() => _items?.SameChainAhead() ?? 0;

    /// <summary>Reads blocks until <see cref="_depth"/> are waiting or the input ends, starting each one's parse.</summary>
    private void ReadAhead()
    {
        while (_ahead.Count < _depth && ReadBlock() is { } text)
        {
            var source = _source;
            var contexts = _contexts;
            var chunks = _chunks;
            _ahead.Enqueue(new Block(text, Task.Run(() =>
            {
                var context = contexts.Take();
                try
                {
                    return RuleLinePreparse.Parse(text, 0, text.Length, source, context, chunks);
                }
                finally
                {
                    contexts.Return(context);
                }
            })));
        }
    }

    /// <summary>The next block: whole lines of about <see cref="BlockLength"/> characters (more for a longer line), or the rest of the input.</summary>
    private string? ReadBlock()
    {
        while (true)
        {
            if (_length >= BlockLength || _done)
            {
                var cut = _done ? _length : Array.LastIndexOf(_buffer, '\n', _length - 1, _length) + 1;
                if (cut > 0)
                {
                    var text = new string(_buffer, 0, cut);
                    Array.Copy(_buffer, cut, _buffer, 0, _length - cut);
                    _length -= cut;
                    return text;
                }
                if (_done) return null;
            }
            if (_buffer.Length - _length < (1 << 16)) Array.Resize(ref _buffer, _buffer.Length * 2);
            var read = _reader.Read(_buffer, _length, Math.Min(1 << 16, _buffer.Length - _length));
            if (read <= 0) _done = true;
            else _length += read;
        }
    }

    private sealed class Block
    {
        public Block(string text, Task<PreparsedLines> rules)
        {
            Text = text;
            Rules = rules;
        }

        public string Text { get; }

        public Task<PreparsedLines> Rules { get; }
    }
}
