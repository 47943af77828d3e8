namespace NatDsl.Model;

/// <summary>
/// <c>-j REJECT --reject-with TYPE</c>, with the canonical type name
/// (<c>icmp-port-unreachable</c> by default, <c>icmp6-port-unreachable</c> for IPv6).
/// </summary>
public sealed record RejectTarget(string RejectWith = "icmp-port-unreachable") : Target
{
    /// <inheritdoc />
    public override string Name => "REJECT";
}
