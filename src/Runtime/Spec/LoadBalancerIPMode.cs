namespace NatDsl.Spec;

/// <summary>Kubernetes <c>status.loadBalancer.ingress[].ipMode</c>.</summary>
public enum LoadBalancerIPMode
{
    /// <summary>VIP (the default): traffic arrives with the load-balancer IP as destination.</summary>
    VIP,

    /// <summary>Proxy: the load balancer proxies to the nodes; current kube-proxy writes no rule for the IP.</summary>
    Proxy,
}
