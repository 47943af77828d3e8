using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>A Kubernetes service as kube-proxy sees it: spec, load-balancer status and endpoints.</summary>
public sealed record ServiceSpec
{
    /// <summary>The namespace.</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>The service name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary><c>spec.type</c>.</summary>
    public ServiceType Type { get; init; } = ServiceType.ClusterIP;

    /// <summary><c>spec.clusterIP</c>; null when not given (an error).</summary>
    public IpAddress? ClusterIP { get; init; }

    /// <summary><c>spec.ports</c>, in order.</summary>
    public ValueList<ServicePortSpec> Ports { get; init; } = ValueList<ServicePortSpec>.Empty;

    /// <summary><c>spec.externalIPs</c>, in order.</summary>
    public ValueList<IpAddress> ExternalIPs { get; init; } = ValueList<IpAddress>.Empty;

    /// <summary><c>status.loadBalancer.ingress</c>, in order.</summary>
    public ValueList<LoadBalancerIngressSpec> LoadBalancerIngress { get; init; } = ValueList<LoadBalancerIngressSpec>.Empty;

    /// <summary><c>spec.loadBalancerSourceRanges</c>, in order (host bits cleared).</summary>
    public ValueList<IpNetwork> LoadBalancerSourceRanges { get; init; } = ValueList<IpNetwork>.Empty;

    /// <summary><c>spec.externalTrafficPolicy</c>.</summary>
    public TrafficPolicy ExternalTrafficPolicy { get; init; } = TrafficPolicy.Cluster;

    /// <summary><c>spec.internalTrafficPolicy</c> (Current profile only).</summary>
    public TrafficPolicy InternalTrafficPolicy { get; init; } = TrafficPolicy.Cluster;

    /// <summary><c>spec.healthCheckNodePort</c>; 0 when none. Used only for LoadBalancer services with Local external policy.</summary>
    public int HealthCheckNodePort { get; init; }

    /// <summary><c>spec.sessionAffinity</c>.</summary>
    public SessionAffinity SessionAffinity { get; init; } = SessionAffinity.None;

    /// <summary><c>spec.sessionAffinityConfig.clientIP.timeoutSeconds</c> (default 10800).</summary>
    public int SessionAffinityTimeoutSeconds { get; init; } = 10800;

    /// <summary>The endpoints, in declaration order (the compiler sorts them as kube-proxy does).</summary>
    public ValueList<EndpointSpec> Endpoints { get; init; } = ValueList<EndpointSpec>.Empty;

    /// <summary><c>namespace/name</c>.</summary>
    public string FullName => Namespace + "/" + Name;
}
