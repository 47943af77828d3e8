namespace NatDsl.Workloads;

/// <summary>
/// SplitMix64: a tiny pseudo-random generator whose sequence is fixed by its seed on every
/// runtime and platform (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal sealed class WorkloadRandom
{
    private ulong _state;

    public WorkloadRandom(ulong seed)
    {
        _state = seed;
    }

    /// <summary>A generator for item <paramref name="index"/> of the stream <paramref name="seed"/>, independent of the other items.</summary>
    public static WorkloadRandom For(int seed, int index, int stream = 0) =>
        new WorkloadRandom(Mix(((ulong)(uint)seed << 32) ^ (uint)index ^ ((ulong)(uint)stream << 48) ^ 0x5DEECE66DUL));

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    public int Between(int min, int max) => min + (int)(NextULong() % (ulong)(max - min + 1));

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Percent(double percent) => (NextULong() >> 11) * (1.0 / (1UL << 53)) * 100.0 < percent;

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
