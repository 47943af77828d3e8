namespace NatDsl.Model;

/// <summary>
/// <c>-m icmp --icmp-type T[/C]</c> (IPv4) or <c>-m icmp6 --icmpv6-type T[/C]</c> (IPv6).
/// Type 255 with codes 0–255 is <c>any</c>.
/// </summary>
public sealed record IcmpMatch(byte Type, byte CodeMin = 0, byte CodeMax = 0xFF, bool Inverted = false, bool V6 = false) : Match
{
    /// <inheritdoc />
    public override string Module => V6 ? "icmp6" : "icmp";
}
