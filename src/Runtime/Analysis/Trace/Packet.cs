using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The first packet of a connection, as the tracer sends it through the rules.
/// Ports are ignored for protocols without ports.
/// </summary>
public sealed record Packet
{
    /// <summary>The source address.</summary>
    public IpAddress Source { get; init; }

    /// <summary>The destination address.</summary>
    public IpAddress Destination { get; init; }

    /// <summary>The IP protocol number (6 tcp, 17 udp, 132 sctp).</summary>
    public int Protocol { get; init; } = 6;

    /// <summary>The source port.</summary>
    public int SourcePort { get; init; } = 40000;

    /// <summary>The destination port.</summary>
    public int DestinationPort { get; init; }

    /// <summary>The input interface for a packet arriving from outside (null: one that no rule names).</summary>
    public string? InInterface { get; init; }

    /// <summary>The output interface (null: one that no rule names).</summary>
    public string? OutInterface { get; init; }

    /// <summary>The packet mark on entry.</summary>
    public uint Mark { get; init; }

    /// <summary>The conntrack state of the packet (NEW for a first packet).</summary>
    public ConntrackStates State { get; init; } = ConntrackStates.New;

    /// <summary>Whether the packet arrived through a bridge port (physdev).</summary>
    public bool Bridged { get; init; }
}
