using System;
using System.Collections.Generic;

namespace NatDsl.Formats.Save;

/// <summary>
/// Parses the <c>-A CHAIN rule</c> lines of a large save text on all cores before the line loop
/// of <see cref="SaveFileReader"/> runs, which then only checks and places each rule. The loop
/// stays the one authority: a line the workers could not parse, or whose address family
/// disagrees with what the loop has decided by then, is parsed again there, in order, so the
/// document and every error (first in file order, same message, line and column) are exactly
/// those of a single pass.
/// </summary>
internal sealed class RuleLinePreparse : IRulePreparse
{
    /// <summary>Texts below this size are parsed in one pass (splitting costs more than it saves).</summary>
    private const int MinimumLength = 1 << 22;

    private const int PieceLength = 1 << 20;

    private readonly PreparsedRules[] _pieces;
    private int _piece;

    private RuleLinePreparse(PreparsedRules[] pieces, ParseSharing? sharing)
    {
        _pieces = pieces;
        Sharing = sharing;
    }

    /// <summary>The strings and values of the workers' largest context, for the line loop to go on sharing.</summary>
    public ParseSharing? Sharing { get; }

    /// <summary>Pre-parses <paramref name="text"/>, or returns null when it is too small or there is one core.</summary>
    public static RuleLinePreparse? Run(string text, string source, SaveParseOptions options)
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
        var pieces = new PreparsedRules[bounds.Count - 1];
        // The strings a kube-proxy dump's rules keep (chain names, comments, a few values; numbers
        // and addresses are read without becoming strings) are about one per 250 characters, and
        // two workers each see most of them (a chain's rules and the jumps to it lie apart).
        var contexts = new WorkerContexts(options, text.Length / 250 / Math.Max(1, Math.Min(threads, pieces.Length) / 2));
        NatDsl.Threading.PieceWork.Run(pieces.Length, options.MaxDegreeOfParallelism, i =>
        {
            var context = contexts.Take();
            try
            {
                pieces[i] = Parse(text, bounds[i], bounds[i + 1], source, context);
            }
            finally
            {
                contexts.Return(context);
            }
        });
        return new RuleLinePreparse(pieces, contexts.Largest());
    }

    /// <inheritdoc />
    public bool TryTake(InputLine line, out PreparsedRule rule)
    {
        while (_piece < _pieces.Length)
        {
            if (_pieces[_piece].TryTake(line.Start, out rule)) return true;
            if (!_pieces[_piece].Done) return false;
            _pieces[_piece] = PreparsedRules.None;
            _piece++;
        }
        rule = default;
        return false;
    }

    /// <summary>
    /// Parses the <c>-A</c> lines of <paramref name="text"/> from <paramref name="start"/> to
    /// <paramref name="end"/> (a line start and a line end) with <paramref name="context"/> (its
    /// family as a new parse's); lines that fail are left out.
    /// </summary>
    internal static PreparsedRules Parse(string text, int start, int end, string source, RuleParseContext context)
    {
        var family = context.Family;
        var items = new PreparsedRules();
        var line = new InputLine(source, 0, text, start, 0);
        var position = start;
        while (position < end)
        {
            var newline = text.IndexOf('\n', position, end - position);
            var lineEnd = newline < 0 ? end : newline;
            var contentEnd = lineEnd > position && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var lineStart = position;
            position = newline < 0 ? end : newline + 1;
            if (contentEnd - lineStart < 4 || text[lineStart] != '-' || text[lineStart + 1] != 'A' || text[lineStart + 2] != ' ') continue;
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
                items.Add(new PreparsedRule(lineStart, chain, parsed, family.Seen));
            }
            catch (Exception)
            {
                // Left to the line loop, which parses this line itself and reports what is wrong.
            }
        }
        return items;
    }
}
