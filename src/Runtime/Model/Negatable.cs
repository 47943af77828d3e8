namespace NatDsl.Model;

/// <summary>A value matched positively, or inverted with <c>!</c>.</summary>
public sealed record Negatable<T>(T Value, bool Inverted = false)
{
    /// <inheritdoc />
    public override string ToString() => (Inverted ? "! " : string.Empty) + Value;
}
