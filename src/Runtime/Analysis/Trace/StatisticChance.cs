using System.Collections.Concurrent;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The chance and trace note of a <c>statistic --mode random</c> match, computed once per
/// distinct probability (a large cluster has few distinct values: 1/n for n endpoints).
/// </summary>
internal sealed class StatisticChance
{
    private static readonly ConcurrentDictionary<long, StatisticChance> Cache = new ConcurrentDictionary<long, StatisticChance>();

    private StatisticChance(uint bits, bool inverted)
    {
        var p = Probability.FromStatisticBits(bits);
        Chance = inverted ? p.Complement : p;
        Miss = Chance.Complement;
        Note = "statistic random " + (inverted ? "! " : string.Empty) + "p=" + p.ToPercent(3);
    }

    public Probability Chance { get; }

    /// <summary>1 − <see cref="Chance"/>, computed once.</summary>
    public Probability Miss { get; }

    public string Note { get; }

    public static StatisticChance Of(StatisticMatch match)
    {
        var key = ((long)(match.Inverted ? 1 : 0) << 32) | match.ProbabilityBits;
        return Cache.TryGetValue(key, out var found) ? found : Cache.GetOrAdd(key, new StatisticChance(match.ProbabilityBits, match.Inverted));
    }
}
