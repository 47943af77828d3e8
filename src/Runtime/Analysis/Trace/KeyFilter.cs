namespace NatDsl.Analysis.Trace;

/// <summary>
/// A one-hash bit filter over the hash codes of a set of keys: <see cref="MayContain"/> is false
/// only for a key surely not in the set, so a lookup it rejects would have failed anyway.
/// About 16 bits per key keep false positives near 6%.
/// </summary>
internal sealed class KeyFilter
{
    private readonly ulong[] _bits;
    private readonly int _shift;

    public KeyFilter(int count)
    {
        var log = 6;
        while ((1L << log) < (long)count * 16 && log < 30) log++;
        _bits = new ulong[1 << (log - 6)];
        _shift = 32 - log;
    }

    public void Add(int hash)
    {
        var bit = Slot(hash);
        _bits[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    public bool MayContain(int hash)
    {
        var bit = Slot(hash);
        return (_bits[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    private uint Slot(int hash) => unchecked((uint)hash * 0x9E3779B9u) >> _shift;
}
