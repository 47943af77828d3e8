using NatDsl.Analysis.Trace;
using NatDsl.Model;

namespace NatDsl.Analysis.Explain;

/// <summary>An endpoint a service port reaches, with the exact share of new connections it gets.</summary>
/// <param name="Address">The endpoint address (DNAT destination).</param>
/// <param name="Port">The endpoint port.</param>
/// <param name="Probability">The share of new connections from a fresh client.</param>
/// <param name="Chain">The endpoint chain (KUBE-SEP-…), or empty when DNAT happened elsewhere.</param>
public sealed record EndpointShare(IpAddress Address, int Port, Probability Probability, string Chain);
