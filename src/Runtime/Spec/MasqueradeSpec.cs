using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>
/// Masquerade rules installed beside kube-proxy by the network plugin: flannel's
/// <c>--ip-masq</c> rules in nat POSTROUTING (pod network + this node's subnet) and/or the
/// ip-masq-agent's IP-MASQ-AGENT chain (non-masquerade CIDRs). They appear only in the
/// self-contained output.
/// </summary>
public sealed record MasqueradeSpec
{
    /// <summary>flannel's network (e.g. 10.254.0.0/16); null: no flannel rules.</summary>
    public IpNetwork? PodNetwork { get; init; }

    /// <summary>flannel's lease for this node (e.g. 10.254.98.0/24); null: the node-subnet RETURN rule is omitted.</summary>
    public IpNetwork? NodeSubnet { get; init; }

    /// <summary>ip-masq-agent's <c>nonMasqueradeCIDRs</c>; null: no ip-masq-agent (an empty list keeps only link-local).</summary>
    public ValueList<IpNetwork>? NonMasqueradeCidrs { get; init; }
}
