namespace NatDsl.Model;

/// <summary>
/// <c>-j MARK</c> in its stored form <c>--set-xmark VALUE/MASK</c>: the new mark is
/// <c>(mark &amp; ~MASK) ^ VALUE</c>. <c>--or-mark 0x4000</c> is <c>0x4000/0x4000</c>,
/// <c>--set-mark 1</c> is <c>0x1/0xffffffff</c>.
/// </summary>
public sealed record MarkTarget(uint Value, uint Mask) : Target
{
    /// <summary><c>--or-mark BITS</c>.</summary>
    public static MarkTarget Or(uint bits) => new MarkTarget(bits, bits);

    /// <summary><c>--xor-mark BITS</c>.</summary>
    public static MarkTarget Xor(uint bits) => new MarkTarget(bits, 0);

    /// <summary><c>--and-mark BITS</c>.</summary>
    public static MarkTarget And(uint bits) => new MarkTarget(0, ~bits);

    /// <summary><c>--set-mark VALUE[/MASK]</c>.</summary>
    public static MarkTarget Set(uint value, uint mask = 0xFFFFFFFF) => new MarkTarget(value, mask);

    /// <summary>Applies the target to a packet mark.</summary>
    public uint Apply(uint mark) => (mark & ~Mask) ^ Value;

    /// <inheritdoc />
    public override string Name => "MARK";
}
