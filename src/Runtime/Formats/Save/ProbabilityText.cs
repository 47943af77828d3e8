using System.Globalization;

namespace NatDsl.Formats.Save;

/// <summary>
/// <c>printf("%.11f", bits / 2^31)</c> computed exactly with integers (round half to even on the
/// exact value, as glibc does), so the text does not depend on the runtime's double formatting.
/// </summary>
internal static class ProbabilityText
{
    public static string Format(uint bits)
    {
        // bits / 2^31 * 10^11 = bits * 5^11 / 2^20; bits * 5^11 < 2^57 fits in 64 bits.
        var scaled = (ulong)bits * 48828125UL;
        var quotient = scaled >> 20;
        var remainder = scaled & 0xFFFFFUL;
        const ulong half = 0x80000UL;
        if (remainder > half || (remainder == half && (quotient & 1) == 1)) quotient++;
        var integer = quotient / 100000000000UL;
        var fraction = quotient % 100000000000UL;
        return integer.ToString(CultureInfo.InvariantCulture) + "." + fraction.ToString("D11", CultureInfo.InvariantCulture);
    }
}
