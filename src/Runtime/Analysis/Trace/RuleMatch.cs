namespace NatDsl.Analysis.Trace;

/// <summary>The chance that a rule matches the packet, or why it cannot be known.</summary>
/// <param name="Chance">The chance the rule matches.</param>
/// <param name="Undetermined">Why it cannot be known, or null.</param>
/// <param name="Note">The statistic note of the step, or empty.</param>
/// <param name="Statistic">The rule's one statistic match's chance (its complement is kept), or null.</param>
internal readonly record struct RuleMatch(Probability Chance, string? Undetermined, string Note, StatisticChance? Statistic = null)
{
    public static RuleMatch Yes { get; } = new RuleMatch(Probability.One, null, string.Empty);

    public static RuleMatch No { get; } = new RuleMatch(Probability.Zero, null, string.Empty);

    public static RuleMatch Unknown(string reason) => new RuleMatch(Probability.Zero, reason, string.Empty);

    /// <summary>The chance the rule does not match (1 − <see cref="Chance"/>).</summary>
    public Probability Miss => Statistic is { } single ? single.Miss : Chance.Complement;
}
