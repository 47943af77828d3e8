using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>The node-level decisions plus one <see cref="ServicePortPlan"/> per service port, in declaration order.</summary>
public sealed record ClusterPlan
{
    /// <summary>The profile's rules.</summary>
    public ProfileRules Rules { get; init; } = ProfileRules.Current;

    /// <summary>The address family.</summary>
    public IpFamily Family { get; init; } = IpFamily.V4;

    /// <summary>The masquerade mark bit value (0x4000 by default).</summary>
    public uint MasqueradeMark { get; init; }

    /// <summary>Whether every cluster-IP packet is masqueraded.</summary>
    public bool MasqueradeAll { get; init; }

    /// <summary>The pod network that identifies local traffic, or null when detection is off.</summary>
    public IpNetwork? LocalTrafficCidr { get; init; }

    /// <summary>The primary node IP, or null.</summary>
    public IpAddress? PrimaryNodeIP { get; init; }

    /// <summary>Whether NodePorts work on localhost (after kube-proxy's own adjustments).</summary>
    public bool LocalhostNodePorts { get; init; }

    /// <summary>Whether NodePorts are accepted on every local address (else only on <see cref="NodePortIPs"/>).</summary>
    public bool NodePortsMatchAll { get; init; }

    /// <summary>The node addresses that accept NodePorts when not <see cref="NodePortsMatchAll"/>.</summary>
    public ValueList<IpAddress> NodePortIPs { get; init; } = ValueList<IpAddress>.Empty;

    /// <summary>Whether endpoint-rule comments are left out because the cluster is large.</summary>
    public bool LargeClusterMode { get; init; }

    /// <summary>Whether MASQUERADE gets <c>--random-fully</c>.</summary>
    public bool RandomFully { get; init; }

    /// <summary>Whether kube-proxy's nfacct counters exist.</summary>
    public bool Nfacct { get; init; }

    /// <summary>Whether nf_conntrack_tcp_be_liberal is set.</summary>
    public bool ConntrackTcpBeLiberal { get; init; }

    /// <summary>The service ports, in declaration order.</summary>
    public ValueList<ServicePortPlan> ServicePorts { get; init; } = ValueList<ServicePortPlan>.Empty;
}
