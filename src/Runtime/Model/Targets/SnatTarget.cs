namespace NatDsl.Model;

/// <summary><c>-j SNAT --to-source RANGE [--random] [--random-fully] [--persistent]</c>.</summary>
public sealed record SnatTarget(NatRange? Range, bool Random = false, bool RandomFully = false, bool Persistent = false) : Target
{
    /// <inheritdoc />
    public override string Name => "SNAT";
}
