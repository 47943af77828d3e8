using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Dsl;

/// <summary>
/// The fluent declaration of a cluster node: kube-proxy's settings (named after its flags),
/// the services and the network plugin's masquerade rules. <see cref="ClusterSpec.Build"/> runs
/// a define method on a new builder and validates the result. Every argument is a string,
/// number, bool or enum so that the generator can read the calls as constants; each method sets
/// the spec field named in its documentation.
/// </summary>
public sealed class ClusterBuilder
{
    private readonly List<string> _nodeIPs = new List<string>();
    private readonly List<string> _nodePortAddresses = new List<string>();
    private readonly List<KeyValuePair<string, ServiceBuilder>> _services = new List<KeyValuePair<string, ServiceBuilder>>();
    private KubeProxyProfile _profile = KubeProxyProfile.Current;
    private string? _nodeName;
    private string? _clusterCidr;
    private bool _masqueradeAll;
    private int _masqueradeBit = 14;
    private int _nodePortFirst = 30000;
    private int _nodePortLast = 32767;
    private bool _localhostNodePorts = true;
    private bool _randomFully = true;
    private bool _conntrackTcpBeLiberal;
    private bool _nfacct = true;
    private IpFamily _family = IpFamily.V4;
    private bool _kubeletChains = true;
    private MasqueradeBuilder? _masquerade;
    private List<string>? _nonMasqueradeCidrs;

    /// <summary><c>settings.profile</c>: which kube-proxy generation's rule shape to produce.</summary>
    public ClusterBuilder KubeProxy(KubeProxyProfile profile)
    {
        _profile = profile;
        return this;
    }

    /// <summary><c>settings.nodeName</c> (kube-proxy's <c>--hostname-override</c>): endpoints on this node are local.</summary>
    public ClusterBuilder NodeName(string name)
    {
        _nodeName = name;
        return this;
    }

    /// <summary>Appends to <c>settings.nodeIPs</c>; the first is the primary node IP.</summary>
    public ClusterBuilder NodeIP(string address)
    {
        _nodeIPs.Add(address);
        return this;
    }

    /// <summary><c>settings.clusterCIDR</c> (<c>--cluster-cidr</c>), e.g. "10.254.0.0/16".</summary>
    public ClusterBuilder ClusterCidr(string cidr)
    {
        _clusterCidr = cidr;
        return this;
    }

    /// <summary><c>settings.masqueradeAll</c> (<c>--masquerade-all</c>).</summary>
    public ClusterBuilder MasqueradeAll(bool enabled = true)
    {
        _masqueradeAll = enabled;
        return this;
    }

    /// <summary><c>settings.masqueradeBit</c> (<c>--iptables-masquerade-bit</c>, default 14).</summary>
    public ClusterBuilder MasqueradeBit(int bit)
    {
        _masqueradeBit = bit;
        return this;
    }

    /// <summary>Appends to <c>settings.nodePortAddresses</c> (<c>--nodeport-addresses</c>); none means all addresses.</summary>
    public ClusterBuilder NodePortAddresses(params string[] cidrs)
    {
        _nodePortAddresses.AddRange(cidrs ?? Array.Empty<string>());
        return this;
    }

    /// <summary><c>settings.nodePortRange</c> (the API server's <c>--service-node-port-range</c>, default 30000-32767).</summary>
    public ClusterBuilder NodePortRange(int first, int last)
    {
        _nodePortFirst = first;
        _nodePortLast = last;
        return this;
    }

    /// <summary><c>settings.localhostNodePorts</c> (<c>--iptables-localhost-nodeports</c>, default true).</summary>
    public ClusterBuilder LocalhostNodePorts(bool enabled)
    {
        _localhostNodePorts = enabled;
        return this;
    }

    /// <summary><c>settings.randomFully</c>: whether iptables supports <c>--random-fully</c> (default true).</summary>
    public ClusterBuilder RandomFully(bool supported)
    {
        _randomFully = supported;
        return this;
    }

    /// <summary><c>settings.conntrackTcpBeLiberal</c>: whether <c>nf_conntrack_tcp_be_liberal</c> is set (default false).</summary>
    public ClusterBuilder ConntrackTcpBeLiberal(bool enabled = true)
    {
        _conntrackTcpBeLiberal = enabled;
        return this;
    }

    /// <summary><c>settings.nfacct</c>: whether the kernel supports nfacct counters (default true).</summary>
    public ClusterBuilder Nfacct(bool supported)
    {
        _nfacct = supported;
        return this;
    }

    /// <summary><c>settings.family</c>: IPv4 (iptables, default) or IPv6 (ip6tables).</summary>
    public ClusterBuilder IPFamily(IpFamily family)
    {
        _family = family;
        return this;
    }

    /// <summary><c>kubeletChains</c>: whether kubelet's chains are on the node (default true).</summary>
    public ClusterBuilder KubeletChains(bool present)
    {
        _kubeletChains = present;
        return this;
    }

    /// <summary>Declares the service <paramref name="namespacedName"/> ("namespace/name").</summary>
    public ClusterBuilder Service(string namespacedName, Action<ServiceBuilder> configure)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        var service = new ServiceBuilder();
        configure(service);
        _services.Add(new KeyValuePair<string, ServiceBuilder>(namespacedName, service));
        return this;
    }

    /// <summary><c>masquerade.podNetwork</c> and <c>masquerade.nodeSubnet</c>: flannel's <c>--ip-masq</c> rules.</summary>
    public ClusterBuilder Masquerade(Action<MasqueradeBuilder> configure)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        _masquerade ??= new MasqueradeBuilder();
        configure(_masquerade);
        return this;
    }

    /// <summary><c>masquerade.nonMasqueradeCIDRs</c>: installs ip-masq-agent's rules with these CIDRs (link-local is always added).</summary>
    public ClusterBuilder NonMasqueradeCidrs(params string[] cidrs)
    {
        _nonMasqueradeCidrs ??= new List<string>();
        _nonMasqueradeCidrs.AddRange(cidrs ?? Array.Empty<string>());
        return this;
    }

    /// <summary>The validated spec; throws <see cref="SpecValidationException"/> listing every error.</summary>
    public ClusterSpec Build()
    {
        var errors = new List<SpecError>();
        var spec = ToSpec(errors);

        // A value that could not be parsed is reported once, by the parse error.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in errors) reported.Add(Key(error));
        foreach (var error in SpecValidator.Validate(spec))
        {
            if (!reported.Contains(Key(error))) errors.Add(error);
        }
        if (errors.Count > 0) throw new SpecValidationException(errors);
        return spec;
    }

    private static string Key(SpecError error) => (error.Service ?? string.Empty) + "\n" + error.Field;

    private ClusterSpec ToSpec(List<SpecError> errors)
    {
        var nodeIPs = new List<IpAddress>();
        for (var i = 0; i < _nodeIPs.Count; i++) nodeIPs.Add(SpecText.Address(_nodeIPs[i], null, "settings.nodeIPs[" + Text(i) + "]", errors) ?? default);
        var nodePortAddresses = new List<IpNetwork>();
        for (var i = 0; i < _nodePortAddresses.Count; i++)
        {
            var cidr = SpecText.Cidr(_nodePortAddresses[i], null, "settings.nodePortAddresses[" + Text(i) + "]", errors);
            if (cidr.HasValue) nodePortAddresses.Add(cidr.Value);
        }

        PortRange range;
        if (_nodePortFirst >= 0 && _nodePortLast <= 65535 && _nodePortFirst <= _nodePortLast)
        {
            range = PortRange.Of(_nodePortFirst, _nodePortLast);
        }
        else
        {
            errors.Add(new SpecError(null, "settings.nodePortRange", Text(_nodePortFirst) + "-" + Text(_nodePortLast) + " is not a port range within 1-65535"));
            range = new PortRange(30000, 32767);
        }

        var settings = new ProxierSettings
        {
            Profile = _profile,
            NodeName = _nodeName,
            NodeIPs = nodeIPs.ToValueList(),
            ClusterCidr = _clusterCidr is null ? null : SpecText.Cidr(_clusterCidr, null, "settings.clusterCIDR", errors),
            MasqueradeAll = _masqueradeAll,
            MasqueradeBit = _masqueradeBit,
            NodePortAddresses = nodePortAddresses.ToValueList(),
            LocalhostNodePorts = _localhostNodePorts,
            RandomFully = _randomFully,
            ConntrackTcpBeLiberal = _conntrackTcpBeLiberal,
            Nfacct = _nfacct,
            Family = _family,
            NodePortRange = range,
        };

        var services = new List<ServiceSpec>();
        foreach (var entry in _services)
        {
            var text = entry.Key ?? string.Empty;
            var slash = text.IndexOf('/');
            string ns, name;
            if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
            {
                errors.Add(new SpecError(text, "metadata.name", "\"" + text + "\" is not \"namespace/name\""));
                ns = slash > 0 ? text.Substring(0, slash) : string.Empty;
                name = slash >= 0 ? text.Substring(slash + 1) : text;
                var spec = entry.Value.ToSpec(ns, name, errors);
                services.Add(spec);
                continue;
            }
            ns = text.Substring(0, slash);
            name = text.Substring(slash + 1);
            services.Add(entry.Value.ToSpec(ns, name, errors));
        }

        var masquerade = new MasqueradeSpec
        {
            PodNetwork = _masquerade?.PodNetworkText is string pods ? SpecText.Cidr(pods, null, "masquerade.podNetwork", errors) : null,
            NodeSubnet = _masquerade?.NodeSubnetText is string subnet ? SpecText.Cidr(subnet, null, "masquerade.nodeSubnet", errors) : null,
            NonMasqueradeCidrs = _nonMasqueradeCidrs is null ? null : ParseAll(_nonMasqueradeCidrs, "masquerade.nonMasqueradeCIDRs", errors),
        };

        return new ClusterSpec
        {
            Settings = settings,
            Services = services.ToValueList(),
            Masquerade = masquerade,
            KubeletChains = _kubeletChains,
        };
    }

    private static ValueList<IpNetwork> ParseAll(List<string> cidrs, string field, List<SpecError> errors)
    {
        var list = new List<IpNetwork>();
        for (var i = 0; i < cidrs.Count; i++)
        {
            var cidr = SpecText.Cidr(cidrs[i], null, field + "[" + Text(i) + "]", errors);
            if (cidr.HasValue) list.Add(cidr.Value);
        }
        return list.ToValueList();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
