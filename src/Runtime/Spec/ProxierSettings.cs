using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>
/// The node-level settings of kube-proxy (and of the iptables binary it runs), named after
/// kube-proxy's flags: <c>--cluster-cidr</c>, <c>--masquerade-all</c>, <c>--iptables-masquerade-bit</c>,
/// <c>--nodeport-addresses</c>, <c>--iptables-localhost-nodeports</c>.
/// </summary>
public sealed record ProxierSettings
{
    /// <summary>The kube-proxy generation whose rule shape is reproduced.</summary>
    public KubeProxyProfile Profile { get; init; } = KubeProxyProfile.Current;

    /// <summary>This node's name; endpoints with the same node name are local. Null: no endpoint is local.</summary>
    public string? NodeName { get; init; }

    /// <summary>
    /// This node's interface addresses; the first is the primary node IP (used for the
    /// load-balancer source-range check). Loopback is implied and need not be listed.
    /// </summary>
    public ValueList<IpAddress> NodeIPs { get; init; } = ValueList<IpAddress>.Empty;

    /// <summary><c>--cluster-cidr</c>: the pod network used to detect local traffic; null disables detection.</summary>
    public IpNetwork? ClusterCidr { get; init; }

    /// <summary><c>--masquerade-all</c>: masquerade every packet sent to a cluster IP.</summary>
    public bool MasqueradeAll { get; init; }

    /// <summary><c>--iptables-masquerade-bit</c> (0–31, default 14 → mark 0x4000).</summary>
    public int MasqueradeBit { get; init; } = 14;

    /// <summary><c>--nodeport-addresses</c>: CIDRs whose node addresses accept NodePorts; empty means all.</summary>
    public ValueList<IpNetwork> NodePortAddresses { get; init; } = ValueList<IpNetwork>.Empty;

    /// <summary><c>--iptables-localhost-nodeports</c> (default true; Current profile, IPv4 only).</summary>
    public bool LocalhostNodePorts { get; init; } = true;

    /// <summary>Whether the iptables binary supports <c>MASQUERADE --random-fully</c> (default true).</summary>
    public bool RandomFully { get; init; } = true;

    /// <summary>Whether the kernel has <c>nf_conntrack_tcp_be_liberal</c> set (then no INVALID drop rule).</summary>
    public bool ConntrackTcpBeLiberal { get; init; }

    /// <summary>Whether the kernel supports nfacct, so kube-proxy's nfacct counters exist (default true).</summary>
    public bool Nfacct { get; init; } = true;

    /// <summary>The address family of this proxier (iptables or ip6tables).</summary>
    public IpFamily Family { get; init; } = IpFamily.V4;

    /// <summary>The API server's <c>--service-node-port-range</c> (default 30000-32767), used for validation.</summary>
    public PortRange NodePortRange { get; init; } = new PortRange(30000, 32767);

    /// <summary>The masquerade mark, <c>1 &lt;&lt; MasqueradeBit</c>.</summary>
    public uint MasqueradeMark => MasqueradeBit >= 0 && MasqueradeBit < 32 ? 1u << MasqueradeBit : 0u;

    /// <summary>The primary node IP (the first of <see cref="NodeIPs"/>), or null.</summary>
    public IpAddress? PrimaryNodeIP => NodeIPs.Count > 0 ? NodeIPs[0] : null;
}
