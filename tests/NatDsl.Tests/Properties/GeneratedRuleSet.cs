using NatDsl.Formats.Save;
using NatDsl.Model;

namespace NatDsl.Tests.Properties;

/// <summary>A generated rule set; prints as its save text so a failing case can be read and replayed.</summary>
/// <param name="RuleSet">The model.</param>
public sealed record GeneratedRuleSet(RuleSet RuleSet)
{
    /// <summary>The save text with rule counters.</summary>
    public override string ToString() => "family " + RuleSet.Family + "\n" + SaveRenderer.Render(RuleSet, new SaveRenderOptions { RuleCounters = true });
}
