using System;
using System.Globalization;

namespace NatDsl.Formats.Listing;

/// <summary>
/// The <c>prot</c> column token of each dialect and names release, and which forms a token is
/// consistent with (for detection).
/// </summary>
internal static class ProtocolColumn
{
    /// <summary>The token a listing prints for a protocol number.</summary>
    public static string Token(int number, ListingForm form)
    {
        if (form.Dialect == ListingDialect.Numbers) return Number(number);
        var name = NameOf(number, form.NamesRelease);
        return name ?? Number(number);
    }

    /// <summary>The built-in-list name a names release prints with <c>-n</c>, or null for a number.</summary>
    public static string? NameOf(int number, ListingNamesRelease release)
    {
        switch (number)
        {
            case 0: return "all";
            case 1: return "icmp";
            case 6: return "tcp";
            case 17: return "udp";
            case 50: return "esp";
            case 51: return "ah";
            case 132: return "sctp";
            case 136: return "udplite";
            case 58: return release == ListingNamesRelease.UpTo1_8_7 ? "icmpv6" : "ipv6-icmp";
            case 135: return release == ListingNamesRelease.UpTo1_8_7 ? "ipv6-mh" : "mobility-header";
            case 33: return release == ListingNamesRelease.From1_8_11 ? "dccp" : null;
            case 108: return release == ListingNamesRelease.From1_8_11 ? "ipcomp" : null;
            default: return null;
        }
    }

    /// <summary>
    /// The forms (as <see cref="FormSet"/> bits) that print <paramref name="token"/> for
    /// <paramref name="number"/>; <see cref="FormSet.All"/> when the token says nothing.
    /// </summary>
    public static FormSet FormsPrinting(string token, int number)
    {
        var result = FormSet.None;
        if (Token(number, new ListingForm { Dialect = ListingDialect.Numbers }) == token) result |= FormSet.Numbers;
        if (NameOf(number, ListingNamesRelease.UpTo1_8_7) is { } a ? a == token : Number(number) == token) result |= FormSet.NamesUpTo1_8_7;
        if (NameOf(number, ListingNamesRelease.Release1_8_8) is { } b ? b == token : Number(number) == token) result |= FormSet.Names1_8_8;
        if (NameOf(number, ListingNamesRelease.From1_8_11) is { } c ? c == token : Number(number) == token) result |= FormSet.NamesFrom1_8_11;
        return result == FormSet.None ? FormSet.All : result;
    }

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
