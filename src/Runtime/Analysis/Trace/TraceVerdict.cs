namespace NatDsl.Analysis.Trace;

/// <summary>What finally happens to the packet.</summary>
public enum TraceVerdict
{
    /// <summary>Accepted and delivered to a local socket (INPUT).</summary>
    DeliveredLocally,

    /// <summary>Accepted and forwarded (FORWARD), or sent out (locally generated).</summary>
    Forwarded,

    /// <summary>Dropped by a DROP rule or policy.</summary>
    Dropped,

    /// <summary>Rejected by a REJECT rule.</summary>
    Rejected,

    /// <summary>The trace stopped at a rule it cannot evaluate (opaque extension, QUEUE, loop).</summary>
    Undetermined,
}
