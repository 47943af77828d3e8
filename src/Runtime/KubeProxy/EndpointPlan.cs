using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>One endpoint of one service port, as kube-proxy tracks it.</summary>
public sealed record EndpointPlan
{
    /// <summary>The endpoint address.</summary>
    public IpAddress Address { get; init; }

    /// <summary>The endpoint port.</summary>
    public int Port { get; init; }

    /// <summary>The endpoint string E: <c>ip:port</c> or <c>[ip6]:port</c>.</summary>
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>The KUBE-SEP chain name.</summary>
    public string ChainName { get; init; } = string.Empty;

    /// <summary>Whether the endpoint runs on this node.</summary>
    public bool IsLocal { get; init; }

    /// <summary>The ready condition.</summary>
    public bool Ready { get; init; }

    /// <summary>The serving condition.</summary>
    public bool Serving { get; init; }

    /// <summary>The terminating condition.</summary>
    public bool Terminating { get; init; }
}
