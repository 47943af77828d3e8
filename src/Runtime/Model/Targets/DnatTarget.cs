namespace NatDsl.Model;

/// <summary><c>-j DNAT --to-destination RANGE [--random] [--persistent]</c>.</summary>
public sealed record DnatTarget(NatRange? Range, bool Random = false, bool Persistent = false) : Target
{
    /// <inheritdoc />
    public override string Name => "DNAT";
}
