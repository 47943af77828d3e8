using System.Collections.Generic;

namespace NatDsl.Tests.Kernel;

/// <summary>The outcome of many connections: one observation per answered connection, one line per failure.</summary>
/// <param name="Observations">Answered connections.</param>
/// <param name="Failures">Connections that failed or timed out, with the reason.</param>
/// <param name="Elapsed">Wall time of the run in milliseconds.</param>
public sealed record ProbeRun(IReadOnlyList<Observation> Observations, IReadOnlyList<string> Failures, long Elapsed);
