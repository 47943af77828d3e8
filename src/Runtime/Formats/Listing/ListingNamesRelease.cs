namespace NatDsl.Formats.Listing;

/// <summary>
/// Which iptables releases wrote a <see cref="ListingDialect.Names"/> listing. The releases differ
/// only in details: the spelling of a few protocol names, the width of the <c>prot</c> field and,
/// for <c>ip6tables</c>, the <c>opt</c> column.
/// </summary>
public enum ListingNamesRelease
{
    /// <summary>
    /// iptables ≤ 1.8.7: <c>prot</c> printed <c>%-5s</c> with no separator (a name of five or more
    /// characters runs into <c>opt</c>: <c>udplite--</c>); 58 is <c>icmpv6</c>, 135 is <c>ipv6-mh</c>;
    /// ip6tables prints three spaces for <c>opt</c>.
    /// </summary>
    UpTo1_8_7,

    /// <summary>
    /// iptables 1.8.8: like <see cref="UpTo1_8_7"/>, but 58 is <c>ipv6-icmp</c> and 135 is
    /// <c>mobility-header</c> (the built-in list was reordered).
    /// </summary>
    Release1_8_8,

    /// <summary>
    /// iptables ≥ 1.8.11: <c>prot</c> printed <c>%-4s </c> (always followed by a space), names as in
    /// 1.8.8 plus <c>dccp</c> (33) and <c>ipcomp</c> (108); ip6tables prints <c>--</c> for <c>opt</c>.
    /// </summary>
    From1_8_11,
}
