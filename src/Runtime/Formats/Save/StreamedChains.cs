using System;
using System.Collections.Generic;
using System.Text;
using NatDsl.KubeProxy;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// The rule lines of chains rendered while the compiler wrote them (<see cref="IChainPieceSink"/>):
/// each piece's chains go into one character array of that piece, and only the array and each
/// chain's range in it are kept, so a large cluster's endpoint chains never exist as a whole model.
/// </summary>
internal sealed class StreamedChains : IChainPieceSink
{
    private readonly bool _ruleCounters;
    private readonly RuleWriteOptions _write;
    private readonly string _eol;
    private readonly Dictionary<string, Dictionary<string, Segment>> _tables = new Dictionary<string, Dictionary<string, Segment>>(StringComparer.Ordinal);

    public StreamedChains(bool ruleCounters, RuleWriteOptions write, string eol)
    {
        _ruleCounters = ruleCounters;
        _write = write;
        _eol = eol;
    }

    /// <summary>The streamed chains of <paramref name="table"/>, or null when it has none.</summary>
    public IReadOnlyDictionary<string, Segment>? Of(string table) => _tables.TryGetValue(table, out var segments) ? segments : null;

    public void Take(string table, int piece, IReadOnlyList<Chain> chains)
    {
        long estimate = 0;
        foreach (var chain in chains) estimate += (long)chain.Rules.Count * (96 + chain.Name.Length);
        var text = new CharText((int)Math.Min(estimate, 1L << 28));
        var ranges = new (string Name, int Start, int Length)[chains.Count];
        var line = new StringBuilder();
        for (var c = 0; c < chains.Count; c++)
        {
            var start = text.Length;
            SaveRenderer.AppendRules(text, line, chains[c], _ruleCounters, _write, _eol);
            ranges[c] = (chains[c].Name, start, text.Length - start);
        }
        var chars = text.Chars;
        lock (_tables)
        {
            if (!_tables.TryGetValue(table, out var segments)) _tables[table] = segments = new Dictionary<string, Segment>(StringComparer.Ordinal);
            foreach (var (name, start, length) in ranges) segments[name] = new Segment(chars, start, length);
        }
    }

    /// <summary>A chain's rule lines: <see cref="Length"/> characters of <see cref="Chars"/> from <see cref="Start"/>.</summary>
    public readonly struct Segment
    {
        public Segment(char[] chars, int start, int length)
        {
            Chars = chars;
            Start = start;
            Length = length;
        }

        public char[] Chars { get; }

        public int Start { get; }

        public int Length { get; }
    }
}
