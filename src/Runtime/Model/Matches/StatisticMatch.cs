using System;
using System.Globalization;
using System.Text;

namespace NatDsl.Model;

/// <summary>
/// <c>-m statistic</c>. The probability is stored as the kernel stores it:
/// <c>lround(p · 2³¹)</c>, so <c>0.33333</c> and <c>0.33332999982</c> are the same match.
/// </summary>
public sealed record StatisticMatch : Match
{
    /// <summary>random or nth.</summary>
    public StatisticMode Mode { get; init; }

    /// <summary>The stored probability, <c>lround(p · 2³¹)</c> (random mode).</summary>
    public uint ProbabilityBits { get; init; }

    /// <summary><c>--every</c> (nth mode).</summary>
    public uint Every { get; init; }

    /// <summary><c>--packet</c> (nth mode).</summary>
    public uint Packet { get; init; }

    /// <summary>Inverted (<c>! --probability</c> / <c>! --every</c>).</summary>
    public bool Inverted { get; init; }

    /// <summary>The probability the kernel applies.</summary>
    public double Probability => ProbabilityBits / 2147483648.0;

    /// <summary>
    /// The record's members as the generated <c>ToString</c> prints them, but with numbers in the
    /// invariant culture (the generated printer formats <see cref="Probability"/>, a double, in the
    /// current culture: <c>0,5</c> under de-DE).
    /// </summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        builder.Append("Module = ").Append(Module)
            .Append(", Mode = ").Append(Mode.ToString())
            .Append(", ProbabilityBits = ").Append(ProbabilityBits.ToString(CultureInfo.InvariantCulture))
            .Append(", Every = ").Append(Every.ToString(CultureInfo.InvariantCulture))
            .Append(", Packet = ").Append(Packet.ToString(CultureInfo.InvariantCulture))
            .Append(", Inverted = ").Append(Inverted ? "True" : "False")
            .Append(", Probability = ").Append(Probability.ToString("R", CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>A random-mode match from a probability in [0, 1], stored as iptables stores it.</summary>
    public static StatisticMatch Random(double probability, bool inverted = false)
    {
        if (double.IsNaN(probability) || probability < 0 || probability > 1) throw new ArgumentOutOfRangeException(nameof(probability));
        return new StatisticMatch { Mode = StatisticMode.Random, ProbabilityBits = ToBits(probability), Inverted = inverted };
    }

    /// <summary><c>lround(p · 2³¹)</c>: rounds half away from zero, as C's lround.</summary>
    public static uint ToBits(double probability) => (uint)Math.Round(probability * 2147483648.0, MidpointRounding.AwayFromZero);

    /// <inheritdoc />
    public override string Module => "statistic";
}
