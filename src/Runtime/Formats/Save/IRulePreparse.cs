namespace NatDsl.Formats.Save;

/// <summary>Rule lines parsed ahead of <see cref="SaveFileReader"/>'s line loop (see <see cref="RuleLinePreparse"/>).</summary>
internal interface IRulePreparse
{
    /// <summary>The pre-parsed rule of <paramref name="line"/>, if any (lines are asked for in order).</summary>
    bool TryTake(InputLine line, out PreparsedRule rule);
}
