namespace NatDsl.Model;

/// <summary><c>-m mark --mark VALUE[/MASK]</c>; values compare numerically.</summary>
public sealed record MarkMatch(uint Value, uint Mask = 0xFFFFFFFF, bool Inverted = false) : Match
{
    /// <inheritdoc />
    public override string Module => "mark";
}
