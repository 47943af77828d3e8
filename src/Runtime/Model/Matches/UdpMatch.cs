namespace NatDsl.Model;

/// <summary><c>-m udp</c>: source and destination ports or ranges.</summary>
public sealed record UdpMatch : Match
{
    /// <summary><c>--sport</c>.</summary>
    public Negatable<PortRange>? SourcePort { get; init; }

    /// <summary><c>--dport</c>.</summary>
    public Negatable<PortRange>? DestinationPort { get; init; }

    /// <inheritdoc />
    public override string Module => "udp";
}
