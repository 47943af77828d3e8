namespace NatDsl.Model;

/// <summary><c>-m sctp</c>: source and destination ports or ranges (chunk-type matching is not modelled).</summary>
public sealed record SctpMatch : Match
{
    /// <summary><c>--sport</c>.</summary>
    public Negatable<PortRange>? SourcePort { get; init; }

    /// <summary><c>--dport</c>.</summary>
    public Negatable<PortRange>? DestinationPort { get; init; }

    /// <inheritdoc />
    public override string Module => "sctp";
}
