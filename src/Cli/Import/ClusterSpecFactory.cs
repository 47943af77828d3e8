using NatDsl.Dsl;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// Makes the builder calls <see cref="DslWriter"/> writes, on a real <see cref="ClusterBuilder"/>:
/// the spec the written C# declares, for checking it against the dump without compiling it.
/// Keep the two in the same order, call for call.
/// </summary>
internal static class ClusterSpecFactory
{
    /// <summary>The validated spec (throws <see cref="SpecValidationException"/> like the DSL would).</summary>
    public static ClusterSpec Build(ImportedCluster cluster) => ClusterSpec.Build(builder => Apply(cluster, builder));

    public static void Apply(ImportedCluster c, ClusterBuilder cluster)
    {
        cluster.KubeProxy(c.Profile);
        if (c.Family != NatDsl.Model.IpFamily.V4) cluster.IPFamily(c.Family);
        if (c.NodeName is not null) cluster.NodeName(c.NodeName);
        foreach (var ip in c.NodeIPs) cluster.NodeIP(ip);
        if (c.ClusterCidr is not null) cluster.ClusterCidr(c.ClusterCidr);
        if (c.MasqueradeAll) cluster.MasqueradeAll();
        if (c.MasqueradeBit != 14) cluster.MasqueradeBit(c.MasqueradeBit);
        if (c.NodePortAddresses.Count > 0) cluster.NodePortAddresses(c.NodePortAddresses.ToArray());
        if (c.NodePortRange is { } range) cluster.NodePortRange(range.First, range.Last);
        if (!c.LocalhostNodePorts) cluster.LocalhostNodePorts(false);
        if (!c.RandomFully) cluster.RandomFully(false);
        if (c.ConntrackTcpBeLiberal) cluster.ConntrackTcpBeLiberal();
        if (!c.Nfacct) cluster.Nfacct(false);
        if (!c.KubeletChains) cluster.KubeletChains(false);
        foreach (var service in c.Services) cluster.Service(service.FullName, svc => Apply(service, svc));
        if (c.PodNetwork is not null)
        {
            cluster.Masquerade(m =>
            {
                m.PodNetwork(c.PodNetwork);
                if (c.NodeSubnet is not null) m.NodeSubnet(c.NodeSubnet);
            });
        }
        if (c.NonMasqueradeCidrs is not null) cluster.NonMasqueradeCidrs(c.NonMasqueradeCidrs.ToArray());
    }

    private static void Apply(ImportedService s, ServiceBuilder svc)
    {
        if (s.Type != ServiceType.ClusterIP) svc.Type(s.Type);
        svc.ClusterIP(s.ClusterIP!);
        foreach (var port in s.Ports)
        {
            if (port.Name.Length == 0) svc.Port(port.Port, port.Protocol, nodePort: port.NodePort);
            else svc.Port(port.Name, port.Port, port.Protocol, nodePort: port.NodePort);
        }
        if (s.ExternalIPs.Count > 0) svc.ExternalIPs(s.ExternalIPs.ToArray());
        foreach (var ip in s.LoadBalancerIPs) svc.LoadBalancerIngress(ip);
        if (s.SourceRanges.Count > 0) svc.LoadBalancerSourceRanges(s.SourceRanges.ToArray());
        if (s.ExternalTrafficPolicy != TrafficPolicy.Cluster) svc.ExternalTrafficPolicy(s.ExternalTrafficPolicy);
        if (s.InternalTrafficPolicy != TrafficPolicy.Cluster) svc.InternalTrafficPolicy(s.InternalTrafficPolicy);
        if (s.HealthCheckNodePort != 0) svc.HealthCheckNodePort(s.HealthCheckNodePort);
        if (s.AffinitySeconds is int seconds) svc.SessionAffinity(SessionAffinity.ClientIP, seconds);
        foreach (var group in EndpointGrouping.Group(s))
        {
            if (group.Detailed is not { } endpoint)
            {
                svc.Endpoints(group.Port, new System.Collections.Generic.List<string>(group.Addresses).ToArray());
                continue;
            }
            svc.Endpoint(endpoint.Address, e =>
            {
                foreach (var port in endpoint.Ports)
                {
                    if (port.Key.Length == 0) e.Port(port.Value);
                    else e.Port(port.Key, port.Value);
                }
                if (endpoint.Node is not null) e.Node(endpoint.Node);
            });
        }
    }
}
