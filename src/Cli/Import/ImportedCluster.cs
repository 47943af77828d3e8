using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// A cluster recovered from a dump: the node settings, the plugin's masquerade rules and the
/// services, each value as the DSL takes it (defaults where the dump shows nothing), plus the
/// notes on what a dump cannot tell.
/// </summary>
internal sealed class ImportedCluster
{
    public KubeProxyProfile Profile { get; set; } = KubeProxyProfile.Current;

    /// <summary>Why the profile was chosen.</summary>
    public List<string> ProfileEvidence { get; } = new List<string>();

    public IpFamily Family { get; set; } = IpFamily.V4;

    public string? NodeName { get; set; }

    public List<string> NodeIPs { get; } = new List<string>();

    public string? ClusterCidr { get; set; }

    public bool MasqueradeAll { get; set; }

    public int MasqueradeBit { get; set; } = 14;

    public List<string> NodePortAddresses { get; } = new List<string>();

    /// <summary>The node port range, or null for the default 30000-32767.</summary>
    public PortRange? NodePortRange { get; set; }

    public bool LocalhostNodePorts { get; set; } = true;

    public bool RandomFully { get; set; } = true;

    public bool ConntrackTcpBeLiberal { get; set; }

    public bool Nfacct { get; set; } = true;

    public bool KubeletChains { get; set; } = true;

    public string? PodNetwork { get; set; }

    public string? NodeSubnet { get; set; }

    public List<string>? NonMasqueradeCidrs { get; set; }

    public List<ImportedService> Services { get; } = new List<ImportedService>();

    /// <summary>Whether the dump holds whole tables (built-in chains with rules), so it compares with the self-contained compilation.</summary>
    public bool WholeTables { get; set; }

    /// <summary>What the dump does not tell about the cluster as a whole.</summary>
    public List<string> Notes { get; } = new List<string>();
}
