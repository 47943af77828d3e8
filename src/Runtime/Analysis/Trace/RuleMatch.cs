namespace NatDsl.Analysis.Trace;

/// <summary>The chance that a rule matches the packet, or why it cannot be known.</summary>
internal readonly record struct RuleMatch(Probability Chance, string? Undetermined, string Note)
{
    public static RuleMatch Yes { get; } = new RuleMatch(Probability.One, null, string.Empty);

    public static RuleMatch No { get; } = new RuleMatch(Probability.Zero, null, string.Empty);

    public static RuleMatch Unknown(string reason) => new RuleMatch(Probability.Zero, reason, string.Empty);
}
