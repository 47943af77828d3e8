using NatDsl.Analysis.Trace;

namespace NatDsl.Tests.Kernel;

/// <summary>The tracer's prediction for one observable outcome: its total probability and whether the source is masqueraded.</summary>
/// <param name="Outcome">
/// address:port after DNAT for a forwarded packet, <see cref="Observation.Refused"/> for a
/// rejected one, <see cref="Observation.Silence"/> for a dropped one.
/// </param>
/// <param name="Probability">Sum of the probabilities of the tracer's outcomes that end so.</param>
/// <param name="Masqueraded">Whether those outcomes masquerade.</param>
public sealed record EndpointPrediction(string Outcome, Probability Probability, bool Masqueraded);
