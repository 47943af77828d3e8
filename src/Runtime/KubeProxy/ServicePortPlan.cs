using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>
/// The service-level decisions for one service port, independent of how they are written:
/// which endpoints serve cluster and local traffic, which destinations exist, masquerade,
/// affinity and firewall inputs, and the chain names. The iptables emitter writes rules from
/// it; an nftables emitter can reuse it unchanged.
/// </summary>
public sealed record ServicePortPlan
{
    /// <summary>The service's namespace.</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>The service's name.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary>The port name (empty for an unnamed port).</summary>
    public string PortName { get; init; } = string.Empty;

    /// <summary>The service port name string N (per profile: <c>ns/svc:port</c>, <c>ns/svc:</c> or <c>ns/svc</c>).</summary>
    public string ServicePortName { get; init; } = string.Empty;

    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; init; }

    /// <summary>The cluster IP.</summary>
    public IpAddress ClusterIP { get; init; }

    /// <summary>The service port.</summary>
    public int Port { get; init; }

    /// <summary>The node port, 0 for none.</summary>
    public int NodePort { get; init; }

    /// <summary>The external IPs, in spec order.</summary>
    public ValueList<IpAddress> ExternalIPs { get; init; } = ValueList<IpAddress>.Empty;

    /// <summary>The load-balancer VIPs that get rules (ipMode Proxy removed where the profile knows it).</summary>
    public ValueList<IpAddress> LoadBalancerIPs { get; init; } = ValueList<IpAddress>.Empty;

    /// <summary>The load-balancer source ranges.</summary>
    public ValueList<IpNetwork> SourceRanges { get; init; } = ValueList<IpNetwork>.Empty;

    /// <summary>Whether a source range contains the primary node IP (then the VIPs themselves are allowed as sources).</summary>
    public bool AllowFromNode { get; init; }

    /// <summary>The health-check node port that gets an ACCEPT rule, 0 for none.</summary>
    public int HealthCheckNodePort { get; init; }

    /// <summary>The ClientIP affinity timeout in seconds, or null without affinity.</summary>
    public int? AffinitySeconds { get; init; }

    /// <summary>Whether external destinations use only local endpoints.</summary>
    public bool ExternalPolicyLocal { get; init; }

    /// <summary>Whether the cluster IP uses only local endpoints.</summary>
    public bool InternalPolicyLocal { get; init; }

    /// <summary>Whether the port has a node port, a load-balancer VIP or an external IP.</summary>
    public bool ExternallyAccessible { get; init; }

    /// <summary>All endpoints of the port, in kube-proxy's order.</summary>
    public ValueList<EndpointPlan> Endpoints { get; init; } = ValueList<EndpointPlan>.Empty;

    /// <summary>The endpoints for Cluster policy, in order.</summary>
    public ValueList<EndpointPlan> ClusterEndpoints { get; init; } = ValueList<EndpointPlan>.Empty;

    /// <summary>The endpoints for Local policy, in order.</summary>
    public ValueList<EndpointPlan> LocalEndpoints { get; init; } = ValueList<EndpointPlan>.Empty;

    /// <summary>Every endpoint that gets an endpoint chain.</summary>
    public ValueList<EndpointPlan> ReachableEndpoints { get; init; } = ValueList<EndpointPlan>.Empty;

    /// <summary>Whether the service has usable endpoints anywhere.</summary>
    public bool HasEndpoints { get; init; }

    /// <summary>Whether cluster-IP traffic has endpoints to go to.</summary>
    public bool HasInternalEndpoints { get; init; }

    /// <summary>Whether external traffic has endpoints to go to.</summary>
    public bool HasExternalEndpoints { get; init; }

    /// <summary>Whether the Cluster-policy chain (KUBE-SVC) exists.</summary>
    public bool UsesClusterChain { get; init; }

    /// <summary>Whether the Local-policy chain (KUBE-SVL, or KUBE-XLB in V1_12) exists.</summary>
    public bool UsesLocalChain { get; init; }

    /// <summary>Whether the external-destination chain (KUBE-EXT) exists.</summary>
    public bool UsesExternalChain { get; init; }

    /// <summary>Whether the load-balancer firewall chain (KUBE-FW) exists.</summary>
    public bool UsesFirewallChain { get; init; }

    /// <summary>KUBE-SVC-…</summary>
    public string ClusterChain { get; init; } = string.Empty;

    /// <summary>KUBE-SVL-… (Current) or KUBE-XLB-… (V1_12).</summary>
    public string LocalChain { get; init; } = string.Empty;

    /// <summary>KUBE-EXT-…</summary>
    public string ExternalChain { get; init; } = string.Empty;

    /// <summary>KUBE-FW-…</summary>
    public string FirewallChain { get; init; } = string.Empty;

    /// <summary>The chain cluster-IP traffic goes to.</summary>
    public string InternalChain => InternalPolicyLocal ? LocalChain : ClusterChain;

    /// <summary>The chain external traffic ends in after KUBE-EXT.</summary>
    public string ExternalPolicyChain => ExternalPolicyLocal ? LocalChain : ClusterChain;
}
