using System;
using System.Globalization;
using System.Text;

namespace NatDsl.Model;

/// <summary>
/// An IPv4 or IPv6 address held as 128 bits (IPv4 in the low 32), with value equality and the
/// ordering netfilter uses. Parsing is strict: dotted quads with four decimal parts, IPv6 in
/// RFC 4291 text form (no zone index).
/// </summary>
public readonly struct IpAddress : IEquatable<IpAddress>, IComparable<IpAddress>
{
    /// <summary>The high 64 bits (always 0 for IPv4).</summary>
    public ulong High { get; }

    /// <summary>The low 64 bits (IPv4: the address in the low 32).</summary>
    public ulong Low { get; }

    /// <summary>The address family.</summary>
    public IpFamily Family { get; }

    /// <summary>Creates an address from its bits.</summary>
    public IpAddress(IpFamily family, ulong high, ulong low)
    {
        Family = family;
        if (family == IpFamily.V4)
        {
            High = 0;
            Low = low & 0xFFFFFFFFUL;
        }
        else
        {
            High = high;
            Low = low;
        }
    }

    /// <summary>Creates an IPv4 address from its 32-bit value.</summary>
    public static IpAddress FromV4(uint value) => new IpAddress(IpFamily.V4, 0, value);

    /// <summary>The number of bits of this family (32 or 128).</summary>
    public int BitLength => Family == IpFamily.V4 ? 32 : 128;

    /// <summary>The IPv4 value (only meaningful for IPv4).</summary>
    public uint V4Value => (uint)Low;

    /// <summary>The all-zero address of a family.</summary>
    public static IpAddress Zero(IpFamily family) => new IpAddress(family, 0, 0);

    /// <summary>The mask with the first <paramref name="prefix"/> bits set.</summary>
    public static IpAddress MaskOf(IpFamily family, int prefix)
    {
        if (family == IpFamily.V4)
        {
            if (prefix < 0 || prefix > 32) throw new ArgumentOutOfRangeException(nameof(prefix));
            var v = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            return FromV4(v);
        }
        if (prefix < 0 || prefix > 128) throw new ArgumentOutOfRangeException(nameof(prefix));
        ulong hi, lo;
        if (prefix == 0) { hi = 0; lo = 0; }
        else if (prefix < 64) { hi = ulong.MaxValue << (64 - prefix); lo = 0; }
        else if (prefix == 64) { hi = ulong.MaxValue; lo = 0; }
        else if (prefix < 128) { hi = ulong.MaxValue; lo = ulong.MaxValue << (128 - prefix); }
        else { hi = ulong.MaxValue; lo = ulong.MaxValue; }
        return new IpAddress(IpFamily.V6, hi, lo);
    }

    /// <summary>Bitwise AND of two addresses of the same family.</summary>
    public IpAddress And(IpAddress other) => new IpAddress(Family, High & other.High, Low & other.Low);

    /// <summary>
    /// The prefix length when this address is a contiguous mask, otherwise -1.
    /// </summary>
    public int MaskPrefixLength
    {
        get
        {
            var bits = BitLength;
            var ones = 0;
            var seenZero = false;
            for (var i = bits - 1; i >= 0; i--)
            {
                var bit = GetBit(i);
                if (bit)
                {
                    if (seenZero) return -1;
                    ones++;
                }
                else
                {
                    seenZero = true;
                }
            }
            return ones;
        }
    }

    private bool GetBit(int index)
    {
        // index 0 = least significant bit.
        if (index < 64) return ((Low >> index) & 1UL) != 0;
        return ((High >> (index - 64)) & 1UL) != 0;
    }

    /// <summary>Parses an address strictly; throws <see cref="FormatException"/> when it is not one.</summary>
    public static IpAddress Parse(string text)
    {
        if (TryParse(text, out var address)) return address;
        throw new FormatException("'" + text + "' is not an IP address");
    }

    /// <summary>Parses an IPv4 dotted quad or an IPv6 address.</summary>
    public static bool TryParse(string? text, out IpAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text)) return false;
        return text!.IndexOf(':') >= 0 ? TryParseV6(text, out address) : TryParseV4(text, out address);
    }

    private static bool TryParseV4(string text, out IpAddress address)
    {
        // As text.Split('.') into exactly four parts of 1-3 digits each at most 255, without the split's allocations.
        address = default;
        uint value = 0;
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var n = 0;
            while (i < text.Length && text[i] != '.')
            {
                var c = text[i];
                if (c < '0' || c > '9') return false;
                n = (n * 10) + (c - '0');
                if (i - start >= 3) return false;
                i++;
            }
            if (i == start || n > 255) return false;
            value = (value << 8) | (uint)n;
            parts++;
            if (i == text.Length) break;
            if (parts == 4) return false;
            i++; // the dot
        }
        if (parts != 4) return false;
        address = FromV4(value);
        return true;
    }

    private static bool TryParseV6(string text, out IpAddress address)
    {
        address = default;
        var groups = new ushort[8];
        var doubleColon = text.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && text.IndexOf("::", doubleColon + 1, StringComparison.Ordinal) >= 0) return false;
        string[] head, tail;
        if (doubleColon >= 0)
        {
            var left = text.Substring(0, doubleColon);
            var right = text.Substring(doubleColon + 2);
            head = left.Length == 0 ? Array.Empty<string>() : left.Split(':');
            tail = right.Length == 0 ? Array.Empty<string>() : right.Split(':');
        }
        else
        {
            head = text.Split(':');
            tail = Array.Empty<string>();
        }

        var values = new System.Collections.Generic.List<ushort>();
        var tailValues = new System.Collections.Generic.List<ushort>();
        if (!ParseGroups(head, values, allowV4Last: tail.Length == 0 && doubleColon < 0)) return false;
        if (!ParseGroups(tail, tailValues, allowV4Last: true)) return false;
        var total = values.Count + tailValues.Count;
        if (doubleColon >= 0)
        {
            if (total > 7) return false;
        }
        else if (total != 8)
        {
            return false;
        }
        for (var i = 0; i < values.Count; i++) groups[i] = values[i];
        for (var i = 0; i < tailValues.Count; i++) groups[8 - tailValues.Count + i] = tailValues[i];
        ulong hi = 0, lo = 0;
        for (var i = 0; i < 4; i++) hi = (hi << 16) | groups[i];
        for (var i = 4; i < 8; i++) lo = (lo << 16) | groups[i];
        address = new IpAddress(IpFamily.V6, hi, lo);
        return true;
    }

    private static bool ParseGroups(string[] parts, System.Collections.Generic.List<ushort> into, bool allowV4Last)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i == parts.Length - 1 && allowV4Last && part.IndexOf('.') >= 0)
            {
                if (!TryParseV4(part, out var v4)) return false;
                into.Add((ushort)(v4.V4Value >> 16));
                into.Add((ushort)(v4.V4Value & 0xFFFF));
                continue;
            }
            if (part.Length == 0 || part.Length > 4) return false;
            if (!ushort.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var g)) return false;
            into.Add(g);
        }
        return true;
    }

    /// <summary>
    /// The text <c>inet_ntop</c> prints: dotted quad, or compressed IPv6 (longest run of two or
    /// more zero groups replaced by <c>::</c>, first run on ties; IPv4-mapped and -compatible
    /// forms with a dotted tail, as glibc prints them).
    /// </summary>
    public override string ToString()
    {
        if (Family == IpFamily.V4)
        {
            var v = V4Value;
            return string.Concat(
                ((v >> 24) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
                ((v >> 16) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
                ((v >> 8) & 0xFF).ToString(CultureInfo.InvariantCulture), ".",
                (v & 0xFF).ToString(CultureInfo.InvariantCulture));
        }

        var groups = new ushort[8];
        for (var i = 0; i < 4; i++) groups[i] = (ushort)(High >> (48 - (16 * i)));
        for (var i = 0; i < 4; i++) groups[4 + i] = (ushort)(Low >> (48 - (16 * i)));

        // glibc: ::a.b.c.d when exactly the first six groups are zero, ::ffff:a.b.c.d for mapped addresses.
        var firstFiveZero = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0;
        if (firstFiveZero && (groups[5] == 0xFFFF || (groups[5] == 0 && groups[6] != 0)))
        {
            var v4 = FromV4(((uint)groups[6] << 16) | groups[7]).ToString();
            return groups[5] == 0xFFFF ? "::ffff:" + v4 : "::" + v4;
        }

        int bestStart = -1, bestLen = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0) { i++; continue; }
            var start = i;
            while (i < 8 && groups[i] == 0) i++;
            var len = i - start;
            if (len > bestLen) { bestStart = start; bestLen = len; }
        }
        if (bestLen < 2) bestStart = -1;

        var sb = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                sb.Append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.Length > 0 && sb[sb.Length - 1] != ':') sb.Append(':');
            sb.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(IpAddress other) => Family == other.Family && High == other.High && Low == other.Low;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IpAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((int)Family * 397 ^ High.GetHashCode() * 31 ^ Low.GetHashCode());

    /// <inheritdoc />
    public int CompareTo(IpAddress other)
    {
        var c = Family.CompareTo(other.Family);
        if (c != 0) return c;
        c = High.CompareTo(other.High);
        return c != 0 ? c : Low.CompareTo(other.Low);
    }

    /// <summary>Equality operator.</summary>
    public static bool operator ==(IpAddress left, IpAddress right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(IpAddress left, IpAddress right) => !left.Equals(right);
}
