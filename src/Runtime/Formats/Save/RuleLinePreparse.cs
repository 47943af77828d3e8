using System;
using System.Collections.Generic;
using NatDsl.Model;

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

    private readonly Piece[] _pieces;
    private int _piece;
    private int _item;

    private RuleLinePreparse(Piece[] pieces) => _pieces = pieces;

    /// <summary>Pre-parses <paramref name="text"/>, or returns null when it is too small or there is one core.</summary>
    public static RuleLinePreparse? Run(string text, string source, SaveParseOptions options)
    {
        if (text.Length < MinimumLength || (options.MaxDegreeOfParallelism ?? Environment.ProcessorCount) < 2) return null;
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
        var pieces = new Piece[bounds.Count - 1];
        NatDsl.Threading.PieceWork.Run(pieces.Length, options.MaxDegreeOfParallelism, i => pieces[i] = new Piece(Parse(text, bounds[i], bounds[i + 1], source, options)));
        return new RuleLinePreparse(pieces);
    }

    /// <inheritdoc />
    public bool TryTake(InputLine line, out Item item)
    {
        var offset = line.Start;
        while (_piece < _pieces.Length)
        {
            var items = _pieces[_piece].Items;
            while (_item < items.Count && items[_item].Offset < offset) _item++;
            if (_item < items.Count)
            {
                if (items[_item].Offset != offset) break;
                item = items[_item++];
                return true;
            }
            _piece++;
            _item = 0;
        }
        item = default;
        return false;
    }

    /// <summary>Parses the <c>-A</c> lines of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/> (a line start and a line end); lines that fail are left out.</summary>
    internal static List<Item> Parse(string text, int start, int end, string source, SaveParseOptions options)
    {
        var family = new FamilyState(options.Family);
        var context = new RuleParseContext(family);
        context.Pool.Reserve((end - start) / 100);
        var items = new List<Item>((end - start) / 80);
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
                if (context.Tokens.Count < 2 || context.Tokens[0].Quoted || context.Tokens[0].Text != "-A") continue;
                context.Position = 2;
                var chain = context.Tokens[1];
                family.Seen = 0;
                var parsed = RuleSpecParser.Parse(context, chain.Text, allowCounters: true, prefixCounters: null);
                items.Add(new Item(lineStart, chain, parsed, family.Seen));
            }
            catch (Exception)
            {
                // Left to the line loop, which parses this line itself and reports what is wrong.
            }
        }
        return items;
    }

    /// <summary>A pre-parsed rule line: where it starts, its chain argument, the rule, and the families it saw (<see cref="FamilyState.Seen"/>).</summary>
    internal readonly record struct Item(int Offset, RuleToken Chain, ParsedRule Parsed, int Families);

    private sealed class Piece
    {
        public Piece(List<Item> items) => Items = items;

        public List<Item> Items { get; }
    }
}
