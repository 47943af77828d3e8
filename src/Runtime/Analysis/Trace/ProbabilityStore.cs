using System;
using System.Collections.Generic;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The probabilities of one trace's branches, each an int handle: a statistic branch multiplies
/// its branch's probability by the rule's chance or miss, and the product's numerator (hundreds
/// of bits after a few endpoints) goes into one array reused by every trace on the thread instead
/// of a new number. Only an outcome's probability is made into a <see cref="Probability"/>.
/// Values are never changed, so branches may share a handle.
/// </summary>
internal sealed class ProbabilityStore
{
    /// <summary>The handle of 1 (present after every <see cref="Clear"/>).</summary>
    public const int One = 0;

    /// <summary>The most limbs (and handles) kept for the next trace.</summary>
    private const int KeptLimbs = 1 << 16;

    private uint[] _limbs = new uint[1024];
    private int _used;
    private Entry[] _entries = new Entry[64];
    private int _count;
    private readonly List<Probability> _others = new List<Probability>();

    public ProbabilityStore() => Clear();

    /// <summary>The handle of <c>value(handle) · factor</c>.</summary>
    public int Multiply(int handle, Probability factor)
    {
        var entry = _entries[handle];
        if (entry.Length < 0 || !factor.IsDyadic) return Add(Get(handle) * factor);
        var big = factor.BigLimbs;
        var small = factor.SmallNumerator;
        if (big is null && small == 1 && factor.Exponent == 0) return handle;
        var room = entry.Length + (big is null ? 2 : factor.LimbCount);
        if (_used + room > _limbs.Length) Array.Resize(ref _limbs, Math.Max(_limbs.Length * 2, _used + room));
        var length = big is null
            ? Limbs.MultiplySmall(_limbs, entry.Offset, entry.Length, small, _limbs, _used)
            : Limbs.Multiply(_limbs, entry.Offset, entry.Length, big, factor.LimbOffset, factor.LimbCount, _limbs, _used);
        return AddReduced(length, entry.Exponent + factor.Exponent);
    }

    /// <summary>The value of a handle.</summary>
    public Probability Get(int handle)
    {
        var entry = _entries[handle];
        if (entry.Length < 0) return _others[entry.Offset];
        // Stored reduced: this only copies the limbs (none for a numerator of 64 bits or fewer).
        return Probability.FromLimbs(_limbs, entry.Offset, entry.Length, entry.Exponent);
    }

    /// <summary>How many limbs <see cref="Get(int, uint[], ref int)"/> puts into its pool for a handle.</summary>
    public int PoolLength(int handle)
    {
        var length = _entries[handle].Length;
        return length > 2 ? length : 0;
    }

    /// <summary>
    /// The value of a handle, its numerator (when over 64 bits) copied into <paramref name="pool"/>
    /// at <paramref name="used"/>: the probabilities of a trace's outcomes share one array.
    /// </summary>
    public Probability Get(int handle, uint[] pool, ref int used)
    {
        var entry = _entries[handle];
        if (entry.Length < 0) return _others[entry.Offset];
        return Probability.FromReducedLimbs(_limbs, entry.Offset, entry.Length, entry.Exponent, pool, ref used);
    }

    /// <summary>Forgets every handle but <see cref="One"/> (and the room a very long trace needed: numerators grow with every endpoint).</summary>
    public void Clear()
    {
        if (_limbs.Length > KeptLimbs) _limbs = new uint[1024];
        if (_entries.Length > KeptLimbs) _entries = new Entry[64];
        _count = 0;
        _others.Clear();
        _limbs[0] = 1;
        _used = 1;
        Append(new Entry(0, 1, 0));
    }

    /// <summary>Stores a value made outside the store.</summary>
    private int Add(Probability value)
    {
        if (!value.IsDyadic)
        {
            _others.Add(value);
            return Append(new Entry(_others.Count - 1, -1, 0));
        }
        var big = value.BigLimbs;
        var room = big is null ? 2 : value.LimbCount;
        if (_used + room > _limbs.Length) Array.Resize(ref _limbs, Math.Max(_limbs.Length * 2, _used + room));
        int length;
        if (big is null)
        {
            length = Limbs.FromUInt64(value.SmallNumerator, _limbs, _used);
        }
        else
        {
            Array.Copy(big, value.LimbOffset, _limbs, _used, value.LimbCount);
            length = value.LimbCount;
        }
        return AddReduced(length, value.Exponent);
    }

    /// <summary>Reduces the number just written at the end of the limbs and gives it a handle.</summary>
    private int AddReduced(int length, int exponent)
    {
        if (length == 0) return Append(new Entry(_used, 0, 0));
        var shift = Math.Min(Limbs.TrailingZeros(_limbs, _used, length), exponent);
        length = Limbs.ShiftRight(_limbs, _used, length, shift);
        var handle = Append(new Entry(_used, length, exponent - shift));
        _used += length;
        return handle;
    }

    private int Append(Entry entry)
    {
        if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
        _entries[_count] = entry;
        return _count++;
    }

    /// <summary>A stored value: limbs at <see cref="Offset"/> over 2^<see cref="Exponent"/>, or (<see cref="Length"/> −1) another fraction at <see cref="Offset"/> of the others.</summary>
    private readonly struct Entry
    {
        public Entry(int offset, int length, int exponent)
        {
            Offset = offset;
            Length = length;
            Exponent = exponent;
        }

        public int Offset { get; }

        public int Length { get; }

        public int Exponent { get; }
    }
}
