using System;
using System.Numerics;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// Arithmetic on natural numbers held as 32-bit limbs, least significant first, in a part of an
/// array (offset and length; length 0 is zero, a trimmed number has a nonzero last limb): the
/// few operations an exact branch probability needs, without allocating, so that a trace can
/// multiply its probabilities inside one reused array (<see cref="ProbabilityStore"/>).
/// </summary>
internal static class Limbs
{
    /// <summary>
    /// Writes <c>a · m</c> at <paramref name="to"/> (room for <paramref name="aLength"/> + 2
    /// limbs, not overlapping <paramref name="a"/>'s part) and returns its trimmed length.
    /// </summary>
    public static int MultiplySmall(uint[] a, int aOffset, int aLength, ulong m, uint[] to, int toOffset)
    {
        if (m == 0 || aLength == 0) return 0;
        var low = (uint)m;
        var high = (uint)(m >> 32);
        ulong carry = 0;
        for (var i = 0; i < aLength; i++)
        {
            carry += (ulong)a[aOffset + i] * low;
            to[toOffset + i] = (uint)carry;
            carry >>= 32;
        }
        to[toOffset + aLength] = (uint)carry;
        var length = aLength + 1;
        if (high != 0)
        {
            carry = 0;
            for (var i = 0; i < aLength; i++)
            {
                // At most (2³²−1)² + 2·(2³²−1) = 2⁶⁴−1: no overflow.
                carry += ((ulong)a[aOffset + i] * high) + to[toOffset + i + 1];
                to[toOffset + i + 1] = (uint)carry;
                carry >>= 32;
            }
            to[toOffset + aLength + 1] = (uint)carry;
            length = aLength + 2;
        }
        return Trim(to, toOffset, length);
    }

    /// <summary>
    /// Writes <c>a · b</c> at <paramref name="to"/> (room for both lengths together, not
    /// overlapping either factor's part) and returns its trimmed length.
    /// </summary>
    public static int Multiply(uint[] a, int aOffset, int aLength, uint[] b, int bOffset, int bLength, uint[] to, int toOffset)
    {
        if (aLength == 0 || bLength == 0) return 0;
        Array.Clear(to, toOffset, aLength + bLength);
        for (var i = 0; i < aLength; i++)
        {
            var ai = (ulong)a[aOffset + i];
            if (ai == 0) continue;
            ulong carry = 0;
            for (var j = 0; j < bLength; j++)
            {
                carry += (ai * b[bOffset + j]) + to[toOffset + i + j];
                to[toOffset + i + j] = (uint)carry;
                carry >>= 32;
            }
            to[toOffset + i + bLength] = (uint)carry;
        }
        return Trim(to, toOffset, aLength + bLength);
    }

    /// <summary>The number of low zero bits of a nonzero number.</summary>
    public static int TrailingZeros(uint[] a, int offset, int length)
    {
        var limb = 0;
        while (limb < length && a[offset + limb] == 0) limb++;
        return limb == length ? 0 : (limb * 32) + TrailingZeros(a[offset + limb]);
    }

    /// <summary>Shifts the number right by <paramref name="bits"/> in place; returns its trimmed length.</summary>
    public static int ShiftRight(uint[] a, int offset, int length, int bits)
    {
        if (bits == 0) return length;
        var limbs = bits >> 5;
        var shift = bits & 31;
        var kept = length - limbs;
        if (kept <= 0) return 0;
        for (var i = 0; i < kept; i++)
        {
            var low = a[offset + i + limbs];
            var high = i + limbs + 1 < length ? a[offset + i + limbs + 1] : 0u;
            a[offset + i] = shift == 0 ? low : (low >> shift) | (high << (32 - shift));
        }
        return Trim(a, offset, kept);
    }

    /// <summary>The length without high zero limbs.</summary>
    public static int Trim(uint[] a, int offset, int length)
    {
        while (length > 0 && a[offset + length - 1] == 0) length--;
        return length;
    }

    /// <summary>Writes a 64-bit number as limbs; returns its trimmed length.</summary>
    public static int FromUInt64(ulong value, uint[] to, int offset)
    {
        to[offset] = (uint)value;
        to[offset + 1] = (uint)(value >> 32);
        return value == 0 ? 0 : value >> 32 == 0 ? 1 : 2;
    }

    /// <summary>A number of at most two limbs as a 64-bit number.</summary>
    public static ulong ToUInt64(uint[] a, int offset, int length) => length switch
    {
        0 => 0,
        1 => a[offset],
        _ => a[offset] | ((ulong)a[offset + 1] << 32),
    };

    /// <summary>Whether two trimmed numbers are equal.</summary>
    public static bool Equal(uint[] a, int aOffset, int aLength, uint[] b, int bOffset, int bLength)
    {
        if (aLength != bLength) return false;
        for (var i = 0; i < aLength; i++)
        {
            if (a[aOffset + i] != b[bOffset + i]) return false;
        }
        return true;
    }

    /// <summary>A number as a <see cref="BigInteger"/>.</summary>
    public static BigInteger ToBigInteger(uint[] a, int offset, int length)
    {
        // Little-endian two's complement bytes with a zero byte on top: always nonnegative.
        var bytes = new byte[(length * 4) + 1];
        for (var i = 0; i < length; i++)
        {
            var limb = a[offset + i];
            bytes[i * 4] = (byte)limb;
            bytes[(i * 4) + 1] = (byte)(limb >> 8);
            bytes[(i * 4) + 2] = (byte)(limb >> 16);
            bytes[(i * 4) + 3] = (byte)(limb >> 24);
        }
        return new BigInteger(bytes);
    }

    /// <summary>The trimmed limbs of a nonnegative <see cref="BigInteger"/>.</summary>
    public static uint[] FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value));
        var bytes = value.ToByteArray();
        var limbs = new uint[(bytes.Length + 3) / 4];
        for (var i = 0; i < bytes.Length; i++) limbs[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        var length = Trim(limbs, 0, limbs.Length);
        if (length == limbs.Length) return limbs;
        var trimmed = new uint[length];
        Array.Copy(limbs, trimmed, length);
        return trimmed;
    }

    /// <summary>The number of low zero bits of a nonzero 32-bit value.</summary>
    public static int TrailingZeros(uint value)
    {
        var n = 0;
        if ((value & 0xFFFF) == 0) { n += 16; value >>= 16; }
        if ((value & 0xFF) == 0) { n += 8; value >>= 8; }
        if ((value & 0xF) == 0) { n += 4; value >>= 4; }
        if ((value & 0x3) == 0) { n += 2; value >>= 2; }
        if ((value & 0x1) == 0) n += 1;
        return n;
    }

    /// <summary>The number of low zero bits of a nonzero 64-bit value.</summary>
    public static int TrailingZeros(ulong value) => (uint)value != 0 ? TrailingZeros((uint)value) : 32 + TrailingZeros((uint)(value >> 32));
}
