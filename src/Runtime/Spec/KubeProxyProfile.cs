namespace NatDsl.Spec;

/// <summary>Which generation of kube-proxy's iptables rules the compiler reproduces.</summary>
public enum KubeProxyProfile
{
    /// <summary>kube-proxy 1.12–1.16 (the seed dump): no comments on SVC/SEP rules, <c>%0.5f</c> probabilities, KUBE-XLB chains.</summary>
    V1_12,

    /// <summary>kube-proxy today: KUBE-SVC/SVL/EXT/FW/SEP chains, traffic policies, terminating endpoints.</summary>
    Current,
}
