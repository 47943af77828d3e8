using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>One entry of <c>status.loadBalancer.ingress</c>.</summary>
public sealed record LoadBalancerIngressSpec
{
    /// <summary>The load-balancer IP.</summary>
    public IpAddress IP { get; init; }

    /// <summary>The IP mode (VIP by default).</summary>
    public LoadBalancerIPMode IPMode { get; init; } = LoadBalancerIPMode.VIP;
}
