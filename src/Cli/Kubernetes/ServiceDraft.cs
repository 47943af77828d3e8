using System.Collections.Generic;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>A service kube-proxy would proxy, while its endpoints are being collected.</summary>
internal sealed class ServiceDraft
{
    public ServiceDraft(ServiceSpec spec, SourceLocation location, Dictionary<int, string> namedTargetPorts)
    {
        Spec = spec;
        Location = location;
        NamedTargetPorts = namedTargetPorts;
    }

    /// <summary>The service without endpoints.</summary>
    public ServiceSpec Spec { get; }

    public SourceLocation Location { get; }

    /// <summary>Service port index → the port name its <c>targetPort</c> names (resolved through the endpoints).</summary>
    public Dictionary<int, string> NamedTargetPorts { get; }

    /// <summary>The endpoints, in slice (or subset) order.</summary>
    public List<EndpointSpec> Endpoints { get; } = new List<EndpointSpec>();

    public string FullName => Spec.FullName;

    /// <summary>The service port with this name and protocol, or null.</summary>
    public ServicePortSpec? FindPort(string name, Protocol protocol)
    {
        foreach (var port in Spec.Ports)
        {
            if (port.Name == name && port.Protocol == protocol) return port;
        }
        return null;
    }
}
