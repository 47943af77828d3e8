using System.Collections.Generic;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>A service recovered from a dump, with what could not be recovered about it.</summary>
internal sealed class ImportedService
{
    public ImportedService(string ns, string name)
    {
        Namespace = ns;
        Name = name;
    }

    public string Namespace { get; }

    public string Name { get; }

    public string FullName => Namespace + "/" + Name;

    public ServiceType Type { get; set; } = ServiceType.ClusterIP;

    public string? ClusterIP { get; set; }

    public List<ImportedPort> Ports { get; } = new List<ImportedPort>();

    public List<string> ExternalIPs { get; } = new List<string>();

    public List<string> LoadBalancerIPs { get; } = new List<string>();

    public List<string> SourceRanges { get; } = new List<string>();

    public TrafficPolicy ExternalTrafficPolicy { get; set; } = TrafficPolicy.Cluster;

    public TrafficPolicy InternalTrafficPolicy { get; set; } = TrafficPolicy.Cluster;

    public int HealthCheckNodePort { get; set; }

    public int? AffinitySeconds { get; set; }

    /// <summary>Whether the firewall chain lets the node's own address through (a source range holds the node IP).</summary>
    public bool AllowFromNode { get; set; }

    public List<ImportedEndpoint> Endpoints { get; } = new List<ImportedEndpoint>();

    /// <summary>What the dump does not tell about this service (written as comments above it).</summary>
    public List<string> Notes { get; } = new List<string>();
}
