namespace NatDsl.KubeProxy;

/// <summary>The rules of filter KUBE-FORWARD.</summary>
public enum ForwardChainForm
{
    /// <summary>v1.15–1.16: INVALID drop, mark accept, and two conntrack accepts for the cluster CIDR when set.</summary>
    ClusterCidrConntrack,

    /// <summary>Current: INVALID drop (with nfacct, unless tcp_be_liberal), mark accept, one conntrack accept.</summary>
    SingleConntrack,
}
