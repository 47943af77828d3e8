using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Tests.Properties;

/// <summary>
/// Generates valid cluster declarations covering every feature of the spec: both profiles, both
/// families, all node settings, the plugin's masquerade rules, every service type, named and
/// unnamed ports of the three protocols, node ports, external IPs, load-balancer ingress in both
/// IP modes with source ranges, both traffic policies, health-check node ports, ClientIP affinity,
/// endpoints in both declaration forms with every condition and local or remote nodes. FsCheck's
/// size bounds the number of services, ports and endpoints.
/// </summary>
public static class ClusterDraftGenerator
{
    private const string LabelChars = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The FsCheck arbitrary: drafts, shrunk by dropping services, ports and endpoints.</summary>
    public static Arbitrary<ClusterDraft> Arbitrary() =>
        Arb.From(Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => Generate(new Random(seed), size))), Shrink);

    /// <summary>One draft from <paramref name="random"/>; <paramref name="size"/> bounds the number of services.</summary>
    public static ClusterDraft Generate(Random random, int size)
    {
        var r = random;
        var v6 = r.Next(3) == 0;
        var family = v6 ? IpFamily.V6 : IpFamily.V4;
        var a = new Addresses(r, v6);
        KeyValuePair<int, int>? range = r.Next(4) == 0 ? new KeyValuePair<int, int>(30000 - r.Next(20000), 32767 + r.Next(20000)) : null;
        var nodePorts = new NodePorts(r, range ?? new KeyValuePair<int, int>(30000, 32767));
        var nodeName = r.Next(3) == 0 ? null : "node-" + Label(r, 1, 12);
        var podBits = v6 ? 48 : 16;
        var podNetwork = r.Next(3) == 0 ? null : v6 ? "fd00:244::/48" : "10.244.0.0/16";
        var services = new List<ServiceDraft>();
        var serviceCount = r.Next(Math.Min(size, 8) + 1);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < serviceCount; i++)
        {
            var service = Service(r, a, nodePorts, nodeName);
            if (names.Add(service.Namespace + "/" + service.Name)) services.Add(service);
        }
        var profile = r.Next(2) == 0 ? KubeProxyProfile.V1_12 : KubeProxyProfile.Current;
        // kube-proxy 1.12 jumps to kubelet's KUBE-MARK-DROP for load balancers and Local policies.
        var needsKubelet = profile == KubeProxyProfile.V1_12 && services.Any(s => s.Type == ServiceType.LoadBalancer || s.ExternalPolicy == TrafficPolicy.Local);
        return new ClusterDraft
        {
            Profile = profile,
            Family = family,
            NodeName = nodeName,
            NodeIPs = Enumerable.Range(0, r.Next(3)).Select(_ => a.Node()).ToList(),
            ClusterCidr = r.Next(3) == 0 ? null : v6 ? "fd00:244::/" + (40 + r.Next(9)).ToString(CultureInfo.InvariantCulture) : "10.244.0.0/" + (12 + r.Next(5)).ToString(CultureInfo.InvariantCulture),
            MasqueradeAll = r.Next(4) == 0,
            MasqueradeBit = r.Next(5) == 0 ? r.Next(32) : 14,
            NodePortAddresses = r.Next(3) != 0 ? new List<string>() : v6 ? new List<string> { "fd00:1::/64", "::1/128" }.Take(1 + r.Next(2)).ToList() : new List<string> { "192.168.1.0/24", "127.0.0.0/8" }.Take(1 + r.Next(2)).ToList(),
            NodePortRange = range,
            LocalhostNodePorts = r.Next(3) != 0,
            RandomFully = r.Next(3) != 0,
            ConntrackTcpBeLiberal = r.Next(3) == 0,
            Nfacct = r.Next(3) != 0,
            KubeletChains = needsKubelet || r.Next(4) != 0,
            PodNetwork = podNetwork,
            NodeSubnet = podNetwork is not null && r.Next(2) == 0 ? (v6 ? "fd00:244:0:" + r.Next(1, 4096).ToString("x", CultureInfo.InvariantCulture) + "::/64" : "10.244." + r.Next(256).ToString(CultureInfo.InvariantCulture) + ".0/24") : null,
            NonMasqueradeCidrs = r.Next(3) != 0 ? null : Enumerable.Range(0, r.Next(3)).Select(_ => a.Cidr()).ToList(),
            Services = services,
            SelfContained = r.Next(2) == 0,
        };
    }

    private static ServiceDraft Service(Random r, Addresses a, NodePorts nodePorts, string? nodeName)
    {
        var type = (ServiceType)r.Next(3);
        var portCount = 1 + r.Next(3);
        var ports = new List<PortDraft>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < portCount; i++)
        {
            var protocol = (Protocol)r.Next(3);
            var port = Port(r);
            if (!usedKeys.Add(port.ToString(CultureInfo.InvariantCulture) + protocol)) continue;
            var name = portCount == 1 && r.Next(2) == 0 ? string.Empty : Label(r, 1, 15);
            if (!usedNames.Add(name)) continue;
            var nodePort = type != ServiceType.ClusterIP && r.Next(4) != 0 ? nodePorts.Next(protocol) : 0;
            ports.Add(new PortDraft(name, port, protocol, nodePort, r.Next(3) == 0 ? 0 : Port(r)));
        }
        if (ports.Count > 1 && ports.Any(p => p.Name.Length == 0)) ports = ports.Where(p => p.Name.Length > 0).ToList();

        var endpoints = new List<EndpointDraft>();
        KeyValuePair<int, IReadOnlyList<string>>? simple = null;
        if (r.Next(3) == 0)
        {
            simple = new KeyValuePair<int, IReadOnlyList<string>>(Port(r), Enumerable.Range(0, r.Next(5)).Select(_ => a.Endpoint()).ToList());
        }
        else
        {
            for (var i = r.Next(6); i > 0; i--)
            {
                var served = ports.Where(_ => r.Next(4) != 0).Select(p => new KeyValuePair<string, int>(p.Name, Port(r))).ToList();
                if (served.Count == 0) served.Add(new KeyValuePair<string, int>(ports[0].Name, Port(r)));
                var node = r.Next(3) switch { 0 => null, 1 => nodeName, _ => "node-other" };
                endpoints.Add(new EndpointDraft(a.Endpoint(), served, r.Next(5) != 0, r.Next(5) != 0, r.Next(4) == 0, node));
            }
        }

        var loadBalancer = type == ServiceType.LoadBalancer;
        return new ServiceDraft
        {
            Namespace = r.Next(4) == 0 ? "kube-system" : Label(r, 1, r.Next(10) == 0 ? 63 : 20),
            Name = Label(r, 1, r.Next(10) == 0 ? 63 : 20),
            Type = type,
            ClusterIP = a.Cluster(),
            Ports = ports,
            ExternalIPs = r.Next(3) == 0 ? Enumerable.Range(0, 1 + r.Next(2)).Select(_ => a.External()).ToList() : new List<string>(),
            Ingress = loadBalancer ? Enumerable.Range(0, r.Next(3)).Select(_ => new KeyValuePair<string, LoadBalancerIPMode>(a.Ingress(), r.Next(4) == 0 ? LoadBalancerIPMode.Proxy : LoadBalancerIPMode.VIP)).ToList() : new List<KeyValuePair<string, LoadBalancerIPMode>>(),
            SourceRanges = loadBalancer && r.Next(2) == 0 ? Enumerable.Range(0, 1 + r.Next(2)).Select(_ => (r.Next(4) == 0 ? " " : string.Empty) + a.Cidr()).ToList() : new List<string>(),
            ExternalPolicy = r.Next(3) == 0 ? TrafficPolicy.Local : TrafficPolicy.Cluster,
            InternalPolicy = r.Next(4) == 0 ? TrafficPolicy.Local : TrafficPolicy.Cluster,
            HealthCheckNodePort = loadBalancer && r.Next(2) == 0 ? nodePorts.Next(Protocol.Tcp) : 0,
            Affinity = r.Next(3) == 0 ? SessionAffinity.ClientIP : SessionAffinity.None,
            AffinityTimeout = r.Next(3) switch { 0 => 10800, 1 => 1 + r.Next(86400), _ => r.Next(2) == 0 ? 1 : 86400 },
            Endpoints = endpoints,
            SimpleEndpoints = simple,
        };
    }

    /// <summary>Smaller drafts: fewer services, then fewer ports and endpoints in one service, then simpler settings.</summary>
    public static IEnumerable<ClusterDraft> Shrink(ClusterDraft draft)
    {
        for (var i = 0; i < draft.Services.Count; i++)
        {
            yield return draft with { Services = draft.Services.Where((_, j) => j != i).ToList() };
        }
        for (var i = 0; i < draft.Services.Count; i++)
        {
            var s = draft.Services[i];
            for (var e = 0; e < s.Endpoints.Count; e++)
            {
                var smaller = s with { Endpoints = s.Endpoints.Where((_, j) => j != e).ToList() };
                yield return draft with { Services = draft.Services.Select((x, j) => j == i ? smaller : x).ToList() };
            }
        }
        if (draft.SelfContained) yield return draft with { SelfContained = false };
        if (draft.NonMasqueradeCidrs is not null) yield return draft with { NonMasqueradeCidrs = null };
        if (draft.NodeSubnet is not null) yield return draft with { NodeSubnet = null };
    }

    /// <summary>A DNS-1123 label of <paramref name="min"/> to <paramref name="max"/> characters.</summary>
    public static string Label(Random r, int min, int max)
    {
        var length = min + r.Next(max - min + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var inner = i > 0 && i < length - 1;
            chars[i] = inner && r.Next(6) == 0 ? '-' : LabelChars[r.Next(i == 0 ? 26 : LabelChars.Length)];
        }
        return new string(chars);
    }

    private static int Port(Random r) => r.Next(6) switch
    {
        0 => 1,
        1 => 65535,
        2 => 80,
        _ => 1 + r.Next(65535),
    };

    /// <summary>Hands out node ports that are unique per protocol within the range.</summary>
    private sealed class NodePorts
    {
        private readonly Random _r;
        private readonly KeyValuePair<int, int> _range;
        private readonly HashSet<string> _used = new HashSet<string>(StringComparer.Ordinal);

        public NodePorts(Random r, KeyValuePair<int, int> range)
        {
            _r = r;
            _range = range;
        }

        public int Next(Protocol protocol)
        {
            while (true)
            {
                var port = _r.Next(3) == 0 ? (_r.Next(2) == 0 ? _range.Key : _range.Value) : _range.Key + _r.Next(_range.Value - _range.Key + 1);
                if (_used.Add(port.ToString(CultureInfo.InvariantCulture) + "/" + protocol)) return port;
            }
        }
    }

    /// <summary>Addresses of one family for each role.</summary>
    private sealed class Addresses
    {
        private readonly Random _r;
        private readonly bool _v6;

        public Addresses(Random r, bool v6)
        {
            _r = r;
            _v6 = v6;
        }

        public string Cluster() => _v6 ? "fd00:96::" + Hex(1 + _r.Next(0xFFFF)) : "10.96." + Byte() + "." + Byte();

        public string Endpoint() => _v6 ? "fd00:244:0:" + Hex(_r.Next(4096)) + "::" + Hex(1 + _r.Next(0xFFFF)) : "10.244." + Byte() + "." + Byte();

        public string External() => _v6 ? "2001:db8:1::" + Hex(1 + _r.Next(0xFFFF)) : "203.0.113." + Byte();

        public string Ingress() => _v6 ? "2001:db8:2::" + Hex(1 + _r.Next(0xFFFF)) : "192.0.2." + Byte();

        public string Node() => _v6 ? "fd00:1::" + Hex(1 + _r.Next(0xFFFF)) : "192.168.1." + Byte();

        public string Cidr() => _v6
            ? "2001:db8:" + Hex(_r.Next(0x10000)) + "::/" + (32 + _r.Next(97)).ToString(CultureInfo.InvariantCulture)
            : Byte() + "." + Byte() + "." + Byte() + ".0/" + (8 + _r.Next(25)).ToString(CultureInfo.InvariantCulture);

        private string Byte() => _r.Next(256).ToString(CultureInfo.InvariantCulture);

        private static string Hex(int value) => value.ToString("x", CultureInfo.InvariantCulture);
    }
}
