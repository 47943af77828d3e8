using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>The packet as one branch sees it: rewritten addresses, mark, probability, path.</summary>
internal sealed record TraceState(Packet Packet, Probability Probability, TracePath? Path)
{
    public bool Masqueraded { get; init; }

    public IpAddress? SnatSource { get; init; }

    public string Reason { get; init; } = string.Empty;

    public TraceState WithStep(TraceStep step) => this with { Path = new TracePath(step, Path) };

    public TraceOutcome ToOutcome(ChainEnd end, TraceContext context) => new TraceOutcome
    {
        Probability = Probability,
        Destination = Packet.Destination,
        DestinationPort = Packet.DestinationPort,
        Masqueraded = Masqueraded,
        SnatSource = SnatSource,
        Mark = Packet.Mark,
        Path = TracePath.ToList(Path),
        Reason = Reason,
        Verdict = end switch
        {
            ChainEnd.Drop => TraceVerdict.Dropped,
            ChainEnd.Reject => TraceVerdict.Rejected,
            ChainEnd.Undetermined => TraceVerdict.Undetermined,
            ChainEnd.DeliverLocal => TraceVerdict.DeliveredLocally,
            _ => context.IsLocal(Packet.Destination) ? TraceVerdict.DeliveredLocally : TraceVerdict.Forwarded,
        },
    };
}
