using NatDsl.Model;

namespace NatDsl.Formats;

/// <summary>
/// One <c>-p</c> value per protocol number and inversion while a dump is read (the save and the
/// listing parsers): model values are immutable, and a large dump names the same few protocols
/// on hundreds of thousands of rules.
/// </summary>
internal sealed class SharedProtocols
{
    private readonly Negatable<int>?[] _values = new Negatable<int>?[512];

    /// <summary>The value for <paramref name="number"/> (0–255; others are not shared).</summary>
    public Negatable<int> Of(int number, bool inverted)
    {
        var index = (number * 2) + (inverted ? 1 : 0);
        if ((uint)index >= (uint)_values.Length) return new Negatable<int>(number, inverted);
        return _values[index] ??= new Negatable<int>(number, inverted);
    }
}
