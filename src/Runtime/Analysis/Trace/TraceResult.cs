using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>All outcomes of one traced packet.</summary>
/// <param name="Packet">The packet that was traced.</param>
/// <param name="Outcomes">Every possible outcome; their probabilities sum to 1.</param>
/// <param name="Truncated">True when <see cref="TraceOptions.MaxOutcomes"/> stopped the exploration.</param>
public sealed record TraceResult(Packet Packet, ValueList<TraceOutcome> Outcomes, bool Truncated);
