using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The packet as one branch sees it: the traced <see cref="Packet"/> with the fields a walk
/// rewrites (destination and port by DNAT or REDIRECT, mark, conntrack state) held beside it, so
/// that a rewrite copies this small value instead of making a packet. It reads as a
/// <see cref="Packet"/> does.
/// </summary>
internal readonly struct BranchPacket
{
    public BranchPacket(Packet packet)
    {
        Traced = packet;
        Destination = packet.Destination;
        DestinationPort = packet.DestinationPort;
        Protocol = packet.Protocol;
        Mark = packet.Mark;
        State = packet.State;
    }

    private BranchPacket(Packet traced, IpAddress destination, int destinationPort, int protocol, uint mark, ConntrackStates state)
    {
        Traced = traced;
        Destination = destination;
        DestinationPort = destinationPort;
        Protocol = protocol;
        Mark = mark;
        State = state;
    }

    /// <summary>The packet as it entered the trace.</summary>
    public Packet Traced { get; }

    /// <inheritdoc cref="Packet.Source"/>
    public IpAddress Source => Traced.Source;

    /// <inheritdoc cref="Packet.Destination"/>
    public IpAddress Destination { get; }

    /// <inheritdoc cref="Packet.Protocol"/>
    public int Protocol { get; }

    /// <inheritdoc cref="Packet.SourcePort"/>
    public int SourcePort => Traced.SourcePort;

    /// <inheritdoc cref="Packet.DestinationPort"/>
    public int DestinationPort { get; }

    /// <inheritdoc cref="Packet.InInterface"/>
    public string? InInterface => Traced.InInterface;

    /// <inheritdoc cref="Packet.OutInterface"/>
    public string? OutInterface => Traced.OutInterface;

    /// <summary>The packet mark now.</summary>
    public uint Mark { get; }

    /// <summary>The conntrack state now.</summary>
    public ConntrackStates State { get; }

    /// <inheritdoc cref="Packet.Bridged"/>
    public bool Bridged => Traced.Bridged;

    /// <summary>This packet with another mark.</summary>
    public BranchPacket WithMark(uint mark) => new BranchPacket(Traced, Destination, DestinationPort, Protocol, mark, State);

    /// <summary>This packet after destination NAT to <paramref name="destination"/>:<paramref name="port"/>.</summary>
    public BranchPacket WithNatDestination(IpAddress destination, int port) =>
        new BranchPacket(Traced, destination, port, Protocol, Mark, State | ConntrackStates.Dnat);
}
