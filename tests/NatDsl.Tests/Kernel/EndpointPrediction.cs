using NatDsl.Analysis.Trace;

namespace NatDsl.Tests.Kernel;

/// <summary>The tracer's prediction for one endpoint: its total probability and whether the source is masqueraded.</summary>
/// <param name="Endpoint">address:port after DNAT.</param>
/// <param name="Probability">Sum of the probabilities of the outcomes that reach it.</param>
/// <param name="Masqueraded">Whether those outcomes masquerade.</param>
public sealed record EndpointPrediction(string Endpoint, Probability Probability, bool Masqueraded);
