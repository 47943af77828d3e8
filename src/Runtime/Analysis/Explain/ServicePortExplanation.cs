using NatDsl.Model;

namespace NatDsl.Analysis.Explain;

/// <summary>What the rules do for one service port.</summary>
public sealed record ServicePortExplanation
{
    /// <summary><c>namespace/name:port</c> as kube-proxy writes it in comments (no colon for unnamed ports since 1.19).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</summary>
    public string Protocol { get; init; } = string.Empty;

    /// <summary>The service chain (KUBE-SVC-…), or empty.</summary>
    public string ServiceChain { get; init; } = string.Empty;

    /// <summary>Every frontend found (cluster IP first, then external, load-balancer, NodePorts).</summary>
    public ValueList<ServiceFrontend> Frontends { get; init; } = ValueList<ServiceFrontend>.Empty;

    /// <summary>ClientIP affinity timeout in seconds, or null without affinity.</summary>
    public uint? AffinitySeconds { get; init; }

    /// <summary><c>Cluster</c> or <c>Local</c> (external traffic policy as the chains show it).</summary>
    public string ExternalTrafficPolicy { get; init; } = "Cluster";

    /// <summary>True when a filter rule rejects the service for having no endpoints.</summary>
    public bool HasNoEndpoints { get; init; }
}
