using System;
using System.Collections.Generic;
using System.Threading;

namespace NatDsl.Formats.Save;

/// <summary>
/// Parses the rule lines (<c>-A CHAIN rule</c>) and chain lines (<c>:NAME POLICY [0:0]</c>) of a
/// large save text on all cores while the line loop of <see cref="SaveFileReader"/> runs behind
/// the workers, piece by piece, and only checks and places what they read. The loop stays the
/// one authority: a line the workers could not parse, or whose address family disagrees with
/// what the loop has decided by then, is parsed again there, in order, so the document and
/// every error (first in file order, same message, line and column) are exactly those of a
/// single pass.
/// </summary>
internal sealed class RuleLinePreparse : IRulePreparse, IDisposable
{
    /// <summary>Texts below this size are parsed in one pass (splitting costs more than it saves).</summary>
    private const int MinimumLength = 1 << 22;

    private const int PieceLength = 1 << 20;

    private readonly string _text;
    private readonly string _source;

    /// <summary>Piece <c>i</c> is the text from <c>_bounds[i]</c> to <c>_bounds[i + 1]</c> (line starts).</summary>
    private readonly int[] _bounds;

    /// <summary>Each piece's lines once parsed (null before; <see cref="PreparsedLines.None"/> once the loop is past it).</summary>
    private readonly PreparsedLines?[] _pieces;
    private readonly WorkerContexts _contexts;
    private readonly LineChunks _chunks = new LineChunks();
    private readonly object _gate = new object();

    /// <summary>How many pieces past the loop's the workers may parse (their chunks are then all that is held).</summary>
    private readonly int _lookahead;

    /// <summary>How many pieces a worker (or the loop) has taken on; they are taken in order.</summary>
    private int _claimed;

    /// <summary>The piece of the loop's line (written under <see cref="_gate"/>).</summary>
    private volatile int _piece;
    private volatile bool _stopped;

    private RuleLinePreparse(string text, string source, int[] bounds, WorkerContexts contexts, int workers)
    {
        _text = text;
        _source = source;
        _bounds = bounds;
        _pieces = new PreparsedLines?[bounds.Length - 1];
        _contexts = contexts;
        // The loop takes a piece in a fraction of the time a worker parses it, so a piece or two
        // past each worker's keeps them from waiting.
        _lookahead = workers + 2;
    }

    /// <summary>The strings the workers share, for the line loop to share too.</summary>
    public SharedTokens Tokens => _contexts.Tokens;

    /// <summary>Starts pre-parsing <paramref name="text"/> on worker threads, or returns null when it is too small or there is one core.</summary>
    public static RuleLinePreparse? Start(string text, string source, SaveParseOptions options)
    {
        var threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        if (text.Length < MinimumLength || threads < 2) return null;
        var bounds = new List<int> { 0 };
        while (bounds[bounds.Count - 1] < text.Length)
        {
            var next = bounds[bounds.Count - 1] + PieceLength;
            if (next >= text.Length)
            {
                bounds.Add(text.Length);
                break;
            }
            var newline = text.IndexOf('\n', next);
            bounds.Add(newline < 0 ? text.Length : newline + 1);
        }
        var workers = Math.Min(threads, bounds.Count - 1);
        // The strings a kube-proxy dump keeps (chain names, comments, a few values; numbers and
        // addresses are read without becoming strings) are about one per 200 characters.
        var contexts = new WorkerContexts(options, new SharedTokens(text.Length / 200));
        var preparse = new RuleLinePreparse(text, source, bounds.ToArray(), contexts, workers);
        // Threads of their own: the loop waits for them, so they must not wait for a busy thread pool.
        for (var i = 0; i < workers; i++) new Thread(preparse.Work) { IsBackground = true, Name = "NatDsl save parse" }.Start();
        return preparse;
    }

    /// <inheritdoc />
    public bool TryTake(InputLine line, out PreparsedLine preparsed)
    {
        var offset = line.Start;
        var piece = _piece;
        while (piece < _pieces.Length && _bounds[piece + 1] <= offset)
        {
            // Done with: its chunks go back to the workers (it may still be parsing when no line
            // of it was asked for; the loop's piece is moved first, so its worker may go on).
            Wait(piece).ReleaseAll();
            _pieces[piece] = PreparsedLines.None;
            MoveTo(++piece);
        }
        if (piece >= _pieces.Length)
        {
            preparsed = default;
            return false;
        }
        return Wait(piece).TryTake(offset, out preparsed);
    }

    /// <inheritdoc />
    public int SameChainAhead() => _piece < _pieces.Length && _pieces[_piece] is { } lines ? lines.SameChainAhead() : 0;

    /// <summary>Makes <paramref name="piece"/> the loop's piece, letting the workers parse up to <see cref="_lookahead"/> pieces past it.</summary>
    private void MoveTo(int piece)
    {
        lock (_gate)
        {
            _piece = piece;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Stops the workers after the pieces they are parsing (the loop has stopped, at the end or at an error).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Parses the <c>-A</c> and chain lines of <paramref name="text"/> from <paramref name="start"/>
    /// to <paramref name="end"/> (a line start and a line end) with <paramref name="context"/> (its
    /// family as a new parse's); lines that fail are left out (the loop reads them itself).
    /// </summary>
    internal static PreparsedLines Parse(string text, int start, int end, string source, RuleParseContext context, LineChunks chunks)
    {
        var family = context.Family;
        var items = new PreparsedLines(chunks);
        var line = new InputLine(source, 0, text, start, 0);
        var position = start;
        while (position < end)
        {
            var newline = text.IndexOf('\n', position, end - position);
            var lineEnd = newline < 0 ? end : newline;
            var contentEnd = lineEnd > position && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var lineStart = position;
            position = newline < 0 ? end : newline + 1;
            if (contentEnd - lineStart < 2) continue;
            var first = text[lineStart];
            if (first == ':')
            {
                if (TryChainLine(text, lineStart, contentEnd, context.Pool, out var chainLine)) items.Add(chainLine);
                continue;
            }
            if (contentEnd - lineStart < 4 || first != '-' || text[lineStart + 1] != 'A' || text[lineStart + 2] != ' ') continue;
            line.MoveTo(0, text, lineStart, contentEnd - lineStart);
            try
            {
                context.Reset(line);
                RuleTokenizer.Tokenize(line, 0, context.Tokens, context.Pool);
                if (context.Tokens.Count < 2 || context.Tokens[0].Quoted || !context.Tokens[0].Is("-A")) continue;
                context.Position = 2;
                var chain = context.Tokens[1];
                family.Seen = 0;
                var parsed = RuleSpecParser.Parse(context, chain.Text, allowCounters: true, prefixCounters: null);
                items.Add(new PreparsedLine(lineStart, chain, parsed, family.Seen));
            }
            catch (Exception)
            {
                // Left to the line loop, which parses this line itself and reports what is wrong.
            }
        }
        return items;
    }

    /// <summary>
    /// Reads the usual chain line, <c>:NAME POLICY [0:0]</c> or <c>:NAME POLICY</c> with POLICY
    /// <c>-</c>, <c>ACCEPT</c> or <c>DROP</c>, split on blanks as <see cref="SaveFileReader"/> does;
    /// false for any other (the loop reads it itself).
    /// </summary>
    private static bool TryChainLine(string text, int start, int end, TokenPool pool, out PreparsedLine chainLine)
    {
        chainLine = default;
        var nameEnd = start + 1;
        while (nameEnd < end && text[nameEnd] != ' ' && text[nameEnd] != '\t') nameEnd++;
        if (nameEnd == start + 1 || nameEnd == end) return false;
        var policyStart = nameEnd;
        while (policyStart < end && (text[policyStart] == ' ' || text[policyStart] == '\t')) policyStart++;
        var policyEnd = policyStart;
        while (policyEnd < end && text[policyEnd] != ' ' && text[policyEnd] != '\t') policyEnd++;
        string policy;
        if (policyEnd - policyStart == 1 && text[policyStart] == '-') policy = "-";
        else if (policyEnd - policyStart == 6 && string.CompareOrdinal(text, policyStart, "ACCEPT", 0, 6) == 0) policy = "ACCEPT";
        else if (policyEnd - policyStart == 4 && string.CompareOrdinal(text, policyStart, "DROP", 0, 4) == 0) policy = "DROP";
        else return false;
        var countersStart = policyEnd;
        while (countersStart < end && (text[countersStart] == ' ' || text[countersStart] == '\t')) countersStart++;
        var countersEnd = countersStart;
        while (countersEnd < end && text[countersEnd] != ' ' && text[countersEnd] != '\t') countersEnd++;
        var zero = countersEnd - countersStart == 5 && string.CompareOrdinal(text, countersStart, "[0:0]", 0, 5) == 0;
        if (countersEnd != end) return false; // more after the counters: the loop reports it
        if (countersStart != end && !zero) return false;
        var name = new RuleToken(pool.Intern(text, start + 1, nameEnd - start - 1), 1, nameEnd - start, false);
        chainLine = new PreparsedLine(start, name, new RuleToken(policy, policyStart - start, policyEnd - start, false), zero);
        return true;
    }

    /// <summary>
    /// A worker: parses pieces in order, up to <see cref="_lookahead"/> ahead of the loop, until
    /// none is left or the loop has stopped. Every piece it takes on is published, parsed or
    /// not (<see cref="PreparsedLines.None"/>: the loop then reads its lines itself), so the
    /// loop never waits for a piece that will not come.
    /// </summary>
    private void Work()
    {
        while (!_stopped)
        {
            var piece = Interlocked.Increment(ref _claimed) - 1;
            if (piece >= _pieces.Length) return;
            var lines = PreparsedLines.None;
            try
            {
                if (piece >= _piece + _lookahead)
                {
                    lock (_gate)
                    {
                        while (!_stopped && piece >= _piece + _lookahead) Monitor.Wait(_gate);
                    }
                }
                if (!_stopped) lines = ParsePiece(piece);
            }
            catch (Exception)
            {
                // Published as not parsed (below).
            }
            finally
            {
                lock (_gate)
                {
                    _pieces[piece] = lines;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private PreparsedLines ParsePiece(int piece)
    {
        var context = _contexts.Take();
        try
        {
            return Parse(_text, _bounds[piece], _bounds[piece + 1], _source, context, _chunks);
        }
        finally
        {
            _contexts.Return(context);
        }
    }

    /// <summary>Piece <paramref name="piece"/>'s lines, waiting for the worker parsing it.</summary>
    private PreparsedLines Wait(int piece)
    {
        var lines = Volatile.Read(ref _pieces[piece]);
        if (lines is not null) return lines;
        lock (_gate)
        {
            while ((lines = _pieces[piece]) is null) Monitor.Wait(_gate);
        }
        return lines;
    }
}
