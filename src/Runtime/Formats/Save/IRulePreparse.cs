namespace NatDsl.Formats.Save;

/// <summary>Rule and chain lines parsed ahead of <see cref="SaveFileReader"/>'s line loop (see <see cref="RuleLinePreparse"/>).</summary>
internal interface IRulePreparse
{
    /// <summary>The pre-parsed form of <paramref name="line"/>, if any (lines are asked for in order).</summary>
    bool TryTake(InputLine line, out PreparsedLine preparsed);

    /// <summary>How many rule lines right after the one taken last are pre-parsed for the same chain (a hint to size it).</summary>
    int SameChainAhead();
}
