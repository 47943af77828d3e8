using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// One branch of a trace: the packet as it sees it (rewritten destination, mark), its path (a
/// node of the trace's <see cref="TraceScratch"/>, −1 for none), its probability (a handle in the
/// scratch's <see cref="ProbabilityStore"/>) and its rarely changed <see cref="BranchFacts"/>. A
/// small value: walking and branching copy it instead of allocating.
/// </summary>
internal readonly struct TraceState
{
    public TraceState(BranchPacket packet, int path, int chance, BranchFacts facts)
    {
        Packet = packet;
        Path = path;
        Chance = chance;
        Facts = facts;
    }

    public BranchPacket Packet { get; init; }

    public int Path { get; init; }

    /// <summary>The branch's probability: a handle in the trace's <see cref="ProbabilityStore"/>.</summary>
    public int Chance { get; init; }

    public BranchFacts Facts { get; init; }

    public bool Masqueraded
    {
        get => Facts.Masqueraded;
        init => Facts = Facts.WithMasqueraded(value);
    }

    public IpAddress? SnatSource
    {
        get => Facts.SnatSource;
        init => Facts = Facts.WithSnatSource(value);
    }

    public string Reason
    {
        get => Facts.Reason;
        init => Facts = Facts.WithReason(value);
    }

    /// <summary>This branch taking a chance of <paramref name="factor"/>.</summary>
    public TraceState Times(TraceContext context, Probability factor) => this with { Chance = context.Scratch.Probabilities.Multiply(Chance, factor) };

    /// <summary>
    /// This state's probability with <paramref name="packet"/>, <paramref name="path"/> and the
    /// facts of <paramref name="after"/> (the end of a walk that did not branch, from a state whose
    /// facts were this state's).
    /// </summary>
    public TraceState Continued(BranchPacket packet, int path, TraceState after) => new TraceState(packet, path, Chance, after.Facts);

    public TraceState WithStep(TraceContext context, TraceStep step) => this with { Path = context.Scratch.Append(Path, step) };

    /// <summary>
    /// The outcome of this branch ending with <paramref name="end"/>; its path is made from
    /// <paramref name="paths"/> when read, its probability's numerator goes into <paramref name="pool"/>.
    /// </summary>
    public TraceOutcome ToOutcome(ChainEnd end, TraceContext context, PathTree? paths, uint[] pool, ref int used) => new TraceOutcome(
        context.Scratch.Probabilities.Get(Chance, pool, ref used),
        Packet.Destination,
        Packet.DestinationPort,
        Facts,
        end switch
        {
            ChainEnd.Drop => TraceVerdict.Dropped,
            ChainEnd.Reject => TraceVerdict.Rejected,
            ChainEnd.Undetermined => TraceVerdict.Undetermined,
            ChainEnd.DeliverLocal => TraceVerdict.DeliveredLocally,
            _ => context.IsLocal(Packet.Destination) ? TraceVerdict.DeliveredLocally : TraceVerdict.Forwarded,
        },
        Packet.Mark,
        Path < 0 ? null : paths,
        Path);
}
