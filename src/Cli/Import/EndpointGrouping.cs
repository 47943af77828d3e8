using System.Collections.Generic;

namespace NatDsl.Cli.Import;

/// <summary>
/// Groups a service's endpoints into DSL calls; the writer and <see cref="ClusterSpecFactory"/>
/// both use it, so the written C# and the spec checked against the dump declare the same list.
/// </summary>
internal static class EndpointGrouping
{
    public static List<EndpointGroup> Group(ImportedService service)
    {
        var compact = new List<(int Port, List<string> Addresses)>();
        var detailed = new List<EndpointGroup>();
        foreach (var endpoint in service.Endpoints)
        {
            if (CompactPort(service, endpoint) is int port)
            {
                var group = compact.FindIndex(g => g.Port == port);
                if (group < 0) compact.Add((port, new List<string> { endpoint.Address }));
                else compact[group].Addresses.Add(endpoint.Address);
            }
            else
            {
                detailed.Add(new EndpointGroup(0, new[] { endpoint.Address }, endpoint));
            }
        }
        var groups = new List<EndpointGroup>();
        foreach (var (port, addresses) in compact) groups.Add(new EndpointGroup(port, addresses, null));
        groups.AddRange(detailed);
        return groups;
    }

    /// <summary>The one port when the endpoint is not local and serves every service port, in order, on it.</summary>
    private static int? CompactPort(ImportedService service, ImportedEndpoint endpoint)
    {
        if (endpoint.Node is not null || endpoint.Ports.Count != service.Ports.Count || endpoint.Ports.Count == 0) return null;
        var port = endpoint.Ports[0].Value;
        for (var i = 0; i < service.Ports.Count; i++)
        {
            if (endpoint.Ports[i].Key != service.Ports[i].Name || endpoint.Ports[i].Value != port) return null;
        }
        return port;
    }
}
