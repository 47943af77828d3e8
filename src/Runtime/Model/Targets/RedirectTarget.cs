namespace NatDsl.Model;

/// <summary><c>-j REDIRECT [--to-ports P[-P]] [--random]</c>.</summary>
public sealed record RedirectTarget(PortRange? ToPorts = null, bool Random = false) : Target
{
    /// <inheritdoc />
    public override string Name => "REDIRECT";
}
