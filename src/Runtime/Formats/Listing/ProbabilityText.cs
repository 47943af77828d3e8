using System.Globalization;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The statistic match's probability as iptables prints it: <c>%.11f</c> of <c>bits / 2³¹</c>,
/// computed exactly (glibc rounds the exact binary value to nearest, ties to even).
/// </summary>
internal static class ProbabilityText
{
    private const ulong FivePow11 = 48828125;
    private const ulong TenPow11 = 100000000000;

    /// <summary>The text for stored bits, e.g. 715827883 → <c>0.33333333349</c>.</summary>
    public static string Format(uint bits)
    {
        // bits / 2^31 * 10^11 = bits * 5^11 / 2^20; bits * 5^11 < 2^58 fits in 64 bits.
        var q = bits * FivePow11;
        var n = q >> 20;
        var rest = q & 0xFFFFF;
        const ulong half = 0x80000;
        if (rest > half || (rest == half && (n & 1) == 1)) n++;
        return (n / TenPow11).ToString(CultureInfo.InvariantCulture) + "." + (n % TenPow11).ToString(CultureInfo.InvariantCulture).PadLeft(11, '0');
    }

    /// <summary>Finds the stored bits whose text is exactly <paramref name="text"/>.</summary>
    public static bool TryParse(string text, out uint bits)
    {
        bits = 0;
        var dot = text.IndexOf('.');
        if (dot <= 0 || text.Length - dot - 1 != 11 || dot > 2) return false;
        ulong n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i == dot) continue;
            var c = text[i];
            if (c < '0' || c > '9') return false;
            n = (n * 10) + (ulong)(c - '0');
        }
        // n / 10^11 = bits / 2^31  =>  bits = n * 2^20 / 5^11 (n < 10^13 keeps n << 20 below 2^64).
        var estimate = (n << 20) / FivePow11;
        for (var candidate = estimate == 0 ? 0 : estimate - 1; candidate <= estimate + 2; candidate++)
        {
            if (candidate > uint.MaxValue) break;
            if (Format((uint)candidate) == text)
            {
                bits = (uint)candidate;
                return true;
            }
        }
        return false;
    }
}
