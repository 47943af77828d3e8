using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Cli.Import;

/// <summary>Node-level facts found while reading the service rules.</summary>
internal sealed class ImportEvidence
{
    /// <summary>Pod CIDRs seen in <c>! -s CIDR … -j KUBE-MARK-MASQ</c> and similar rules, in order.</summary>
    public List<IpNetwork> ClusterCidrs { get; } = new List<IpNetwork>();

    /// <summary>Whether a cluster-IP masquerade rule without source was seen (<c>--masquerade-all</c>).</summary>
    public bool MasqueradeAll { get; set; }

    /// <summary>Addresses of the nodeport tail rules (<c>-d IP -j KUBE-NODEPORTS</c>), in order.</summary>
    public List<IpAddress> NodePortAddresses { get; } = new List<IpAddress>();

    /// <summary>Whether the nodeport tail excludes <c>127.0.0.0/8</c> (localhost NodePorts off).</summary>
    public bool LocalhostNodePortsOff { get; set; }

    /// <summary>Whether a localhost NodePort rule with <c>-m nfacct</c> was seen.</summary>
    public bool LocalhostNfacctRule { get; set; }

    /// <summary>The KUBE-FORWARD INVALID drop: null when KUBE-FORWARD is absent, else whether it exists and whether it counts with nfacct.</summary>
    public (bool Present, bool Nfacct)? ForwardInvalidDrop { get; set; }

    /// <summary>Rules in kube-proxy's fixed chains that are not kube-proxy's, one sentence each.</summary>
    public List<string> Unrecognised { get; } = new List<string>();

    public void AddCidr(IpNetwork cidr)
    {
        if (!ClusterCidrs.Contains(cidr)) ClusterCidrs.Add(cidr);
    }
}
