using System;
using System.IO;
using NatDsl.Cli.Presentation;

namespace NatDsl.Cli;

/// <summary>A reader that reports, on every read, how far into its input it is (bytes of a file, or characters of standard input).</summary>
internal sealed class ProgressTextReader : TextReader
{
    private readonly TextReader _inner;
    private readonly ProgressPhase _phase;
    private readonly Func<long> _position;
    private long _characters;

    public ProgressTextReader(TextReader inner, ProgressPhase phase, Func<long> position)
    {
        _inner = inner;
        _phase = phase;
        _position = position;
    }

    public override int Peek() => _inner.Peek();

    public override int Read()
    {
        var c = _inner.Read();
        if (c >= 0) _characters++;
        return c;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var read = _inner.Read(buffer, index, count);
        _characters += Math.Max(read, 0);
        var at = _position();
        _phase.Report(at >= 0 ? at : _characters);
        return read;
    }
}
