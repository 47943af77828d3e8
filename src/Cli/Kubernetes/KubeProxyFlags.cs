using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// kube-proxy's settings as command-line flags, with kube-proxy's names and defaults, for the
/// <c>generate</c> command to bind to. <see cref="ToSettings"/> parses them into
/// <see cref="ProxierSettings"/>; a bad value throws <see cref="UserInputException"/> naming the flag.
/// List flags take several values and comma-separated values alike.
/// </summary>
public sealed record KubeProxyFlags
{
    /// <summary>Flag of <see cref="Profile"/>.</summary>
    public const string ProfileFlag = "--profile";

    /// <summary>Flag of <see cref="HostnameOverride"/>.</summary>
    public const string HostnameOverrideFlag = "--hostname-override";

    /// <summary>Flag of <see cref="NodeIPs"/>.</summary>
    public const string NodeIPFlag = "--node-ip";

    /// <summary>Flag of <see cref="ClusterCidr"/>.</summary>
    public const string ClusterCidrFlag = "--cluster-cidr";

    /// <summary>Flag of <see cref="MasqueradeAll"/>.</summary>
    public const string MasqueradeAllFlag = "--masquerade-all";

    /// <summary>Flag of <see cref="MasqueradeBit"/>.</summary>
    public const string MasqueradeBitFlag = "--iptables-masquerade-bit";

    /// <summary>Flag of <see cref="NodePortAddresses"/>.</summary>
    public const string NodePortAddressesFlag = "--nodeport-addresses";

    /// <summary>Flag of <see cref="LocalhostNodePorts"/>.</summary>
    public const string LocalhostNodePortsFlag = "--iptables-localhost-nodeports";

    /// <summary>Flag of <see cref="RandomFully"/>.</summary>
    public const string RandomFullyFlag = "--random-fully";

    /// <summary>Flag of <see cref="ConntrackTcpBeLiberal"/>.</summary>
    public const string ConntrackTcpBeLiberalFlag = "--conntrack-tcp-be-liberal";

    /// <summary>Flag of <see cref="Nfacct"/>.</summary>
    public const string NfacctFlag = "--nfacct";

    /// <summary>Flag of <see cref="IPFamily"/>.</summary>
    public const string IPFamilyFlag = "--ip-family";

    /// <summary>Flag of <see cref="ServiceNodePortRange"/>.</summary>
    public const string ServiceNodePortRangeFlag = "--service-node-port-range";

    /// <summary>The rule shape: <c>current</c> (default) or <c>v1.12</c> (kube-proxy 1.12–1.16).</summary>
    public string Profile { get; init; } = "current";

    /// <summary>
    /// <c>--hostname-override</c>: this node's name (trimmed and lower-cased, as kube-proxy does);
    /// endpoints whose <c>nodeName</c> equals it are local. Null or empty: no endpoint is local.
    /// </summary>
    public string? HostnameOverride { get; init; }

    /// <summary>
    /// This node's IP addresses (kubelet's <c>--node-ip</c>); those of the proxier's family are
    /// used, the first of them is the primary one (addresses of the other family belong to the
    /// other family's proxier).
    /// </summary>
    public IReadOnlyList<string> NodeIPs { get; init; } = Array.Empty<string>();

    /// <summary><c>--cluster-cidr</c>: the pod network (one CIDR, or one per family comma-separated); null: no local-traffic detection.</summary>
    public string? ClusterCidr { get; init; }

    /// <summary><c>--masquerade-all</c> (default false).</summary>
    public bool MasqueradeAll { get; init; }

    /// <summary><c>--iptables-masquerade-bit</c> (default 14).</summary>
    public int MasqueradeBit { get; init; } = 14;

    /// <summary><c>--nodeport-addresses</c>: CIDRs, or <c>primary</c> for the primary node IP; empty: all addresses.</summary>
    public IReadOnlyList<string> NodePortAddresses { get; init; } = Array.Empty<string>();

    /// <summary><c>--iptables-localhost-nodeports</c> (default true).</summary>
    public bool LocalhostNodePorts { get; init; } = true;

    /// <summary>Whether the node's iptables supports <c>MASQUERADE --random-fully</c> (default true).</summary>
    public bool RandomFully { get; init; } = true;

    /// <summary><c>--conntrack-tcp-be-liberal</c> (default false): no INVALID drop rule.</summary>
    public bool ConntrackTcpBeLiberal { get; init; }

    /// <summary>Whether the kernel supports nfacct (default true).</summary>
    public bool Nfacct { get; init; } = true;

    /// <summary>The proxier's IP family: <c>4</c> (default) or <c>6</c> (<c>ipv4</c>/<c>ipv6</c> also accepted).</summary>
    public string IPFamily { get; init; } = "4";

    /// <summary>The API server's <c>--service-node-port-range</c> (default <c>30000-32767</c>), to check node ports against.</summary>
    public string ServiceNodePortRange { get; init; } = "30000-32767";

    /// <summary>Parses the flags into kube-proxy's settings; throws <see cref="UserInputException"/> for a bad value.</summary>
    public ProxierSettings ToSettings()
    {
        var family = ParseFamily(IPFamily);
        var nodeIPs = ParseNodeIPs(family);
        var primary = nodeIPs.Count > 0 ? nodeIPs[0] : (IpAddress?)null;
        if (MasqueradeBit < 0 || MasqueradeBit > 31) throw Bad(MasqueradeBitFlag, MasqueradeBit.ToString(CultureInfo.InvariantCulture), "is not a bit number 0-31");
        var name = HostnameOverride?.Trim().ToLowerInvariant();
        return new ProxierSettings
        {
            Profile = ParseProfile(Profile),
            NodeName = string.IsNullOrEmpty(name) ? null : name,
            NodeIPs = nodeIPs.ToValueList(),
            ClusterCidr = ParseClusterCidr(family),
            MasqueradeAll = MasqueradeAll,
            MasqueradeBit = MasqueradeBit,
            NodePortAddresses = ParseNodePortAddresses(primary).ToValueList(),
            LocalhostNodePorts = LocalhostNodePorts,
            RandomFully = RandomFully,
            ConntrackTcpBeLiberal = ConntrackTcpBeLiberal,
            Nfacct = Nfacct,
            Family = family,
            NodePortRange = ParseRange(ServiceNodePortRange),
        };
    }

    private static KubeProxyProfile ParseProfile(string? text)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "current":
                return KubeProxyProfile.Current;
            case "v1.12":
            case "1.12":
            case "v1_12":
                return KubeProxyProfile.V1_12;
            default:
                throw Bad(ProfileFlag, text, "is not a profile (current or v1.12)");
        }
    }

    private static IpFamily ParseFamily(string? text)
    {
        switch ((text ?? string.Empty).Trim().ToLowerInvariant())
        {
            case "4":
            case "ipv4":
                return Model.IpFamily.V4;
            case "6":
            case "ipv6":
                return Model.IpFamily.V6;
            default:
                throw Bad(IPFamilyFlag, text, "is not an IP family (4 or 6)");
        }
    }

    /// <summary>The node IPs of <paramref name="family"/>, in order, without repeats (all are checked).</summary>
    private List<IpAddress> ParseNodeIPs(IpFamily family)
    {
        var ips = new List<IpAddress>();
        foreach (var text in Split(NodeIPs))
        {
            if (!IpAddress.TryParse(text, out var ip)) throw Bad(NodeIPFlag, text, "is not an IP address");
            if (ip.Family == family && !ips.Contains(ip)) ips.Add(ip);
        }
        return ips;
    }

    private IpNetwork? ParseClusterCidr(IpFamily family)
    {
        if (string.IsNullOrWhiteSpace(ClusterCidr)) return null;
        IpNetwork? chosen = null;
        foreach (var text in Split(new[] { ClusterCidr! }))
        {
            var cidr = Addresses.Cidr(text) ?? throw Bad(ClusterCidrFlag, text, "is not a CIDR (address/prefix)");
            if (cidr.Family == family && chosen is null) chosen = cidr;
        }
        return chosen;
    }

    private List<IpNetwork> ParseNodePortAddresses(IpAddress? primary)
    {
        var cidrs = new List<IpNetwork>();
        foreach (var text in Split(NodePortAddresses))
        {
            if (string.Equals(text, "primary", StringComparison.OrdinalIgnoreCase))
            {
                if (primary is not IpAddress ip) throw Bad(NodePortAddressesFlag, text, "needs a node IP of the proxier's family (" + NodeIPFlag + ")");
                cidrs.Add(IpNetwork.Host(ip));
                continue;
            }
            cidrs.Add(Addresses.Cidr(text) ?? throw Bad(NodePortAddressesFlag, text, "is not a CIDR (address/prefix) or primary"));
        }
        return cidrs;
    }

    private static PortRange ParseRange(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        var dash = value.IndexOf('-');
        if (dash > 0
            && ushort.TryParse(value.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && ushort.TryParse(value.Substring(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first >= 1 && first <= last)
        {
            return new PortRange(first, last);
        }
        throw Bad(ServiceNodePortRangeFlag, text, "is not a port range (first-last within 1-65535)");
    }

    private static IEnumerable<string> Split(IEnumerable<string>? values)
    {
        if (values is null) yield break;
        foreach (var value in values)
        {
            if (value is null) continue;
            foreach (var part in value.Split(','))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0) yield return trimmed;
            }
        }
    }

    private static UserInputException Bad(string flag, string? value, string problem) =>
        new UserInputException(flag + ": \"" + value + "\" " + problem);
}
