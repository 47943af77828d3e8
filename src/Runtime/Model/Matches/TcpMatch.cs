namespace NatDsl.Model;

/// <summary><c>-m tcp</c>: source and destination ports or ranges, flags and option.</summary>
public sealed record TcpMatch : Match
{
    /// <summary><c>--sport</c>.</summary>
    public Negatable<PortRange>? SourcePort { get; init; }

    /// <summary><c>--dport</c>.</summary>
    public Negatable<PortRange>? DestinationPort { get; init; }

    /// <summary><c>--tcp-flags</c>.</summary>
    public TcpFlagsMatch? Flags { get; init; }

    /// <summary><c>--tcp-option N</c>.</summary>
    public Negatable<byte>? Option { get; init; }

    /// <inheritdoc />
    public override string Module => "tcp";
}
