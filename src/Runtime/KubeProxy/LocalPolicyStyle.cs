namespace NatDsl.KubeProxy;

/// <summary>How a profile implements Local traffic policy and external destinations.</summary>
public enum LocalPolicyStyle
{
    /// <summary>
    /// v1.12–1.16: external IPs jump straight to KUBE-SVC, NodePorts and load-balancer IPs of
    /// Local services go to KUBE-XLB, cluster-IP masquerading happens in KUBE-SERVICES and
    /// KUBE-FW ends in KUBE-MARK-DROP.
    /// </summary>
    ExternalLoadBalancerChain,

    /// <summary>
    /// Current: every external destination goes through KUBE-EXT, Local policy uses KUBE-SVL,
    /// cluster-IP masquerading is the first rule of the internal chain and KUBE-FW falls through
    /// to KUBE-PROXY-FIREWALL.
    /// </summary>
    ExternalChain,
}
