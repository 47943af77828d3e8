using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The packet as one branch sees it: rewritten addresses, mark, probability, path (an index
/// into the trace's <see cref="TraceScratch"/>, −1 for none). A value: branching copies it
/// instead of allocating.
/// </summary>
internal readonly record struct TraceState(Packet Packet, Probability Probability, int Path)
{
    public bool Masqueraded { get; init; }

    public IpAddress? SnatSource { get; init; }

    public string Reason { get; init; } = string.Empty;

    public TraceState WithStep(TraceContext context, TraceStep step) => this with { Path = context.Scratch.Append(Path, step) };

    public TraceOutcome ToOutcome(ChainEnd end, TraceContext context) => new TraceOutcome
    {
        Probability = Probability,
        Destination = Packet.Destination,
        DestinationPort = Packet.DestinationPort,
        Masqueraded = Masqueraded,
        SnatSource = SnatSource,
        Mark = Packet.Mark,
        Path = context.Scratch.ToList(Path),
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
