using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// A <c>tcp</c>, <c>udp</c> or <c>sctp</c> match without TCP flags or options, copied flat into
/// its <see cref="RulePlan"/>: the same answer as <see cref="MatchEvaluator.Single"/> without
/// following the match object.
/// </summary>
internal readonly struct PortCheck
{
    private readonly int _protocol;
    private readonly PortRange _source;
    private readonly PortRange _destination;
    private readonly Kind _tests;

    private PortCheck(int protocol, Negatable<PortRange>? source, Negatable<PortRange>? destination)
    {
        _protocol = protocol;
        _tests = Kind.Present;
        if (source is { } s)
        {
            _tests |= s.Inverted ? Kind.SourceInverted : Kind.Source;
            _source = s.Value;
        }
        if (destination is { } d)
        {
            _tests |= d.Inverted ? Kind.DestinationInverted : Kind.Destination;
            _destination = d.Value;
        }
    }

    /// <summary>False for the empty check (no port match was copied).</summary>
    public bool IsPresent => _tests != 0;

    /// <summary>The flat form of a match, or the empty check when it has another form.</summary>
    public static PortCheck Of(Match match) => match switch
    {
        TcpMatch { Flags: null, Option: null } tcp => new PortCheck(6, tcp.SourcePort, tcp.DestinationPort),
        UdpMatch udp => new PortCheck(17, udp.SourcePort, udp.DestinationPort),
        SctpMatch sctp => new PortCheck(132, sctp.SourcePort, sctp.DestinationPort),
        _ => default,
    };

    public bool Passes(in BranchPacket packet)
    {
        if (packet.Protocol != _protocol) return false;
        var tests = _tests;
        if ((tests & Kind.Source) != 0 && !_source.Contains(packet.SourcePort)) return false;
        if ((tests & Kind.SourceInverted) != 0 && _source.Contains(packet.SourcePort)) return false;
        if ((tests & Kind.Destination) != 0 && !_destination.Contains(packet.DestinationPort)) return false;
        if ((tests & Kind.DestinationInverted) != 0 && _destination.Contains(packet.DestinationPort)) return false;
        return true;
    }

    [System.Flags]
    private enum Kind : byte
    {
        Present = 1,
        Source = 2,
        SourceInverted = 4,
        Destination = 8,
        DestinationInverted = 16,
    }
}
