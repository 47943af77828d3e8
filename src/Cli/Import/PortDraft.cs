using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>What the rules of one service port (service port name + protocol) show, while they are read.</summary>
internal sealed class PortDraft
{
    public PortDraft(string servicePortName, string portName, Protocol protocol)
    {
        ServicePortName = servicePortName;
        PortName = portName;
        Protocol = protocol;
    }

    /// <summary>kube-proxy's <c>ns/name[:port]</c>, as the comments write it.</summary>
    public string ServicePortName { get; }

    public string PortName { get; }

    public Protocol Protocol { get; }

    public int Port { get; set; }

    public IpAddress? ClusterIP { get; set; }

    public int NodePort { get; set; }

    public List<IpAddress> ExternalIPs { get; } = new List<IpAddress>();

    public List<IpAddress> LoadBalancerIPs { get; } = new List<IpAddress>();

    /// <summary>External addresses of a service without endpoints that could be external IPs or load-balancer IPs (Current).</summary>
    public bool AmbiguousExternalAddresses { get; set; }

    public string? ServiceChain { get; set; }

    /// <summary>KUBE-SVL (Current) or KUBE-XLB (V1_12).</summary>
    public string? LocalChain { get; set; }

    public string? ExternalChain { get; set; }

    public string? FirewallChain { get; set; }

    public bool NoEndpoints { get; set; }

    public bool ExternalLocal { get; set; }

    public bool InternalLocal { get; set; }

    public int? AffinitySeconds { get; set; }

    public List<IpNetwork> SourceRanges { get; } = new List<IpNetwork>();

    public bool AllowFromNode { get; set; }

    /// <summary>Endpoint chains reached through the cluster chain, in rule order.</summary>
    public List<string> ClusterEndpointChains { get; } = new List<string>();

    /// <summary>Endpoint chains reached through the local chain, in rule order.</summary>
    public List<string> LocalEndpointChains { get; } = new List<string>();
}
