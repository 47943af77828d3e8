namespace NatDsl.Model;

/// <summary><c>-j CHAIN</c> (a jump to a user chain) or <c>-g CHAIN</c> (goto) when <paramref name="Goto"/>.</summary>
public sealed record JumpTarget(string Chain, bool Goto = false) : Target
{
    /// <inheritdoc />
    public override string Name => Chain;
}
