using System.Collections.Generic;
using NatDsl.Spec;

namespace NatDsl.Tests.Properties;

/// <summary>One generated service, with everything <see cref="NatDsl.Dsl.ServiceBuilder"/> can declare.</summary>
public sealed record ServiceDraft
{
    public string Namespace { get; init; } = "default";

    public string Name { get; init; } = "svc";

    public ServiceType Type { get; init; }

    public string ClusterIP { get; init; } = string.Empty;

    public IReadOnlyList<PortDraft> Ports { get; init; } = new List<PortDraft>();

    public IReadOnlyList<string> ExternalIPs { get; init; } = new List<string>();

    public IReadOnlyList<KeyValuePair<string, LoadBalancerIPMode>> Ingress { get; init; } = new List<KeyValuePair<string, LoadBalancerIPMode>>();

    public IReadOnlyList<string> SourceRanges { get; init; } = new List<string>();

    public TrafficPolicy ExternalPolicy { get; init; }

    public TrafficPolicy InternalPolicy { get; init; }

    public int HealthCheckNodePort { get; init; }

    public SessionAffinity Affinity { get; init; }

    public int AffinityTimeout { get; init; } = 10800;

    /// <summary>Endpoints declared one by one (ports by name, conditions, node).</summary>
    public IReadOnlyList<EndpointDraft> Endpoints { get; init; } = new List<EndpointDraft>();

    /// <summary>Endpoints declared with the short form <c>.Endpoints(port, addresses…)</c>.</summary>
    public KeyValuePair<int, IReadOnlyList<string>>? SimpleEndpoints { get; init; }
}
