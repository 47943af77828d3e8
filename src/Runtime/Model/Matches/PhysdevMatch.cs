namespace NatDsl.Model;

/// <summary>
/// <c>-m physdev</c>: bridge port names and the is-in / is-out / is-bridged tests. A flag is
/// null when absent, <c>Negatable(true)</c> when given and <c>Negatable(true, Inverted: true)</c> when given with <c>!</c>.
/// </summary>
public sealed record PhysdevMatch : Match
{
    /// <summary><c>--physdev-in</c>.</summary>
    public Negatable<string>? In { get; init; }

    /// <summary><c>--physdev-out</c>.</summary>
    public Negatable<string>? Out { get; init; }

    /// <summary><c>--physdev-is-in</c>.</summary>
    public Negatable<bool>? IsIn { get; init; }

    /// <summary><c>--physdev-is-out</c>.</summary>
    public Negatable<bool>? IsOut { get; init; }

    /// <summary><c>--physdev-is-bridged</c>.</summary>
    public Negatable<bool>? IsBridged { get; init; }

    /// <inheritdoc />
    public override string Module => "physdev";
}
