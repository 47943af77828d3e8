namespace NatDsl.Model;

/// <summary>The packet and byte counters of a rule or of a built-in chain's policy.</summary>
public readonly record struct Counters(Counter Packets, Counter Bytes)
{
    /// <summary>Both counters zero.</summary>
    public static Counters Zero => default;

    /// <summary>Exact counters.</summary>
    public static Counters Of(ulong packets, ulong bytes) => new Counters(new Counter(packets), new Counter(bytes));

    /// <inheritdoc />
    public override string ToString() => "[" + Packets + ":" + Bytes + "]";
}
