using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The packet as one branch sees it: rewritten addresses, mark, probability, path (an index
/// into the trace's <see cref="TraceScratch"/>, −1 for none). A small value: walking and
/// branching copy it instead of allocating; what changes rarely is in <see cref="BranchFacts"/>.
/// </summary>
internal readonly struct TraceState
{
    private readonly BranchFacts _facts;

    public TraceState(Packet packet, Probability probability, int path)
    {
        Packet = packet;
        Path = path;
        _facts = new BranchFacts(probability, false, null, string.Empty);
    }

    private TraceState(Packet packet, int path, BranchFacts facts)
    {
        Packet = packet;
        Path = path;
        _facts = facts;
    }

    public Packet Packet { get; init; }

    public int Path { get; init; }

    public Probability Probability
    {
        get => _facts.Probability;
        init => _facts = new BranchFacts(value, _facts.Masqueraded, _facts.SnatSource, _facts.Reason);
    }

    public bool Masqueraded
    {
        get => _facts.Masqueraded;
        init => _facts = new BranchFacts(_facts.Probability, value, _facts.SnatSource, _facts.Reason);
    }

    public IpAddress? SnatSource
    {
        get => _facts.SnatSource;
        init => _facts = new BranchFacts(_facts.Probability, _facts.Masqueraded, value, _facts.Reason);
    }

    public string Reason
    {
        get => _facts.Reason;
        init => _facts = new BranchFacts(_facts.Probability, _facts.Masqueraded, _facts.SnatSource, value);
    }

    /// <summary>
    /// This state's probability with <paramref name="packet"/>, <paramref name="path"/> and the
    /// other facts of <paramref name="after"/> (a walk from <paramref name="before"/> that did
    /// not branch), sharing this state's facts when that walk left them unchanged.
    /// </summary>
    public TraceState Continued(Packet packet, int path, TraceState before, TraceState after) =>
        new TraceState(packet, path, ReferenceEquals(before._facts, after._facts) ? _facts : new BranchFacts(Probability, after.Masqueraded, after.SnatSource, after.Reason));

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
