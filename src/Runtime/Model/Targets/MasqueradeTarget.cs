namespace NatDsl.Model;

/// <summary><c>-j MASQUERADE [--to-ports P[-P]] [--random] [--random-fully]</c>.</summary>
public sealed record MasqueradeTarget(PortRange? ToPorts = null, bool Random = false, bool RandomFully = false) : Target
{
    /// <inheritdoc />
    public override string Name => "MASQUERADE";
}
