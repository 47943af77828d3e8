namespace NatDsl.Formats.Save;

/// <summary>The NAT-family targets of <c>libxt_NAT</c>.</summary>
internal enum NatTargetKind
{
    Dnat,
    Snat,
    Masquerade,
    Redirect,
}
