namespace NatDsl.Formats.Listing;

/// <summary>
/// How the <c>prot</c> column of an <c>iptables -L -n</c> listing shows the protocol.
/// </summary>
public enum ListingDialect
{
    /// <summary>
    /// Names from iptables' built-in list (<c>all</c>, <c>tcp</c>, <c>udp</c>, …), numbers for other
    /// protocols: iptables ≤ 1.8.8 and ≥ 1.8.11. <see cref="ListingForm.NamesRelease"/> picks the exact release family.
    /// </summary>
    Names,

    /// <summary>Numbers (<c>0</c>, <c>6</c>, <c>17</c>, <c>!6</c>): iptables 1.8.9 and 1.8.10.</summary>
    Numbers,
}
