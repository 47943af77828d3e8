namespace NatDsl.Formats.Save;

/// <summary>
/// Number parsing as libxtables does it (<c>xtables_strtoul</c>: C <c>strtoumax</c> with base 0,
/// so <c>0x1F</c> is hex and <c>017</c> octal; no minus sign; overflow is an error), plus strict
/// decimal for counters.
/// </summary>
internal static class CNumber
{
    /// <summary>Parses all of <paramref name="s"/> as a base-0 unsigned number in [min, max].</summary>
    public static bool TryParse(string s, ulong min, ulong max, out ulong value)
    {
        value = 0;
        var i = 0;
        var n = s.Length;
        if (i < n && s[i] == '+') i++;
        if (i >= n) return false;
        var radix = 10u;
        if (s[i] == '0' && i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X'))
        {
            radix = 16;
            i += 2;
            if (i >= n) return false;
        }
        else if (s[i] == '0')
        {
            radix = 8;
        }
        ulong v = 0;
        for (; i < n; i++)
        {
            var d = Digit(s[i]);
            if (d < 0 || d >= radix) return false;
            if (v > (ulong.MaxValue - (ulong)d) / radix) return false;
            v = (v * radix) + (ulong)d;
        }
        if (v < min || v > max) return false;
        value = v;
        return true;
    }

    /// <summary>Parses a base-0 number that must fit in 32 bits.</summary>
    public static bool TryParseUInt32(string s, out uint value)
    {
        var ok = TryParse(s, 0, uint.MaxValue, out var v);
        value = (uint)v;
        return ok;
    }

    /// <summary>Parses only decimal digits (counters), rejecting overflow.</summary>
    public static bool TryParseDecimal(string s, int start, int end, out ulong value)
    {
        value = 0;
        if (start >= end) return false;
        ulong v = 0;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c < '0' || c > '9') return false;
            var d = (ulong)(c - '0');
            if (v > (ulong.MaxValue - d) / 10) return false;
            v = (v * 10) + d;
        }
        value = v;
        return true;
    }

    /// <summary>True when every character is an ASCII digit (and there is at least one).</summary>
    public static bool IsDigits(string s)
    {
        if (s.Length == 0) return false;
        foreach (var c in s)
        {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int Digit(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
