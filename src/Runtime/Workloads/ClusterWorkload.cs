using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Workloads;

/// <summary>
/// Generates a large, realistic cluster deterministically from a <see cref="WorkloadShape"/>:
/// each service has 1–3 ports (mostly one), 1–19 endpoints (mean 10) on 50 nodes, a tenth are
/// NodePort and a tenth LoadBalancer (with ingress IPs and source ranges), some have Local
/// traffic policies or ClientIP affinity, a few endpoints are terminating. Current profile.
/// Service <c>i</c> depends only on the seed and <c>i</c>, so edits can add services that
/// fit the rest.
/// </summary>
public static class ClusterWorkload
{
    /// <summary>The node the workload's rules are generated for; endpoints on it are local.</summary>
    public const string LocalNode = "node-0";

    /// <summary>The number of nodes endpoints are spread over.</summary>
    public const int Nodes = 50;

    private const uint ClusterIpBase = (10u << 24) | (96u << 16);   // 10.96.0.0/12
    private const uint PodBase = (10u << 24) | (64u << 16);         // 10.64.0.0/10
    private const uint IngressBase = (172u << 24) | (16u << 16);    // 172.16.0.0/12
    private const int NodePortFirst = 20000;
    private const int NodePortLast = 65535;
    private static readonly string[] PortNames = { "http", "grpc", "metrics" };
    private static readonly int[] CommonPorts = { 80, 443, 8080, 9090, 53, 5432, 6379, 3306 };

    /// <summary>
    /// The node settings shared by every workload. nfacct is off: <c>-m nfacct</c> needs
    /// accounting objects a fresh namespace lacks (kube-proxy writes those rules only when it
    /// can), and the workloads must load into real iptables.
    /// </summary>
    public static ProxierSettings Settings { get; } = new ProxierSettings
    {
        Profile = KubeProxyProfile.Current,
        NodeName = LocalNode,
        NodeIPs = new[] { IpAddress.Parse("192.168.0.10") }.ToValueList(),
        ClusterCidr = IpNetwork.Parse("10.64.0.0/10"),
        NodePortRange = PortRange.Of(NodePortFirst, NodePortLast),
        Nfacct = false,
    };

    /// <summary>The whole cluster of <paramref name="shape"/>.</summary>
    public static ClusterSpec Generate(WorkloadShape shape)
    {
        if (shape is null) throw new ArgumentNullException(nameof(shape));
        var services = new ServiceSpec[shape.Services];
        for (var i = 0; i < services.Length; i++) services[i] = Service(shape.Seed, i);
        return new ClusterSpec
        {
            Settings = Settings,
            Services = new ValueList<ServiceSpec>(services),
            Masquerade = new MasqueradeSpec { PodNetwork = IpNetwork.Parse("10.64.0.0/10"), NodeSubnet = IpNetwork.Parse("10.64.0.0/24") },
        };
    }

    /// <summary>Service number <paramref name="index"/> (0-based) of the workloads with <paramref name="seed"/>.</summary>
    public static ServiceSpec Service(int seed, int index)
    {
        if (index < 0 || index >= 200000) throw new ArgumentOutOfRangeException(nameof(index), "a workload has at most 200,000 services");
        var rng = WorkloadRandom.For(seed, index);
        var typeRoll = rng.Between(0, 9);
        var type = typeRoll == 0 ? ServiceType.NodePort : typeRoll == 1 ? ServiceType.LoadBalancer : ServiceType.ClusterIP;

        var portRoll = rng.Between(0, 99);
        var portCount = portRoll < 80 ? 1 : portRoll < 95 ? 2 : 3;
        var ports = new List<ServicePortSpec>(portCount);
        var used = new HashSet<int>();
        for (var p = 0; p < portCount; p++)
        {
            var udp = rng.Percent(10);
            int number;
            do
            {
                number = rng.Percent(60) ? CommonPorts[rng.Between(0, CommonPorts.Length - 1)] : rng.Between(1024, 9999);
            }
            while (!used.Add(number));
            ports.Add(new ServicePortSpec
            {
                Name = portCount == 1 && rng.Percent(30) ? string.Empty : PortNames[p],
                Protocol = udp ? Protocol.Udp : Protocol.Tcp,
                Port = number,
                TargetPort = 8000 + p,
                NodePort = type == ServiceType.ClusterIP ? 0 : NodePort(index, p),
            });
        }

        var endpointCount = rng.Between(1, 19);
        var endpoints = new EndpointSpec[endpointCount];
        for (var e = 0; e < endpointCount; e++)
        {
            var epPorts = new EndpointPortSpec[portCount];
            for (var p = 0; p < portCount; p++) epPorts[p] = new EndpointPortSpec { Name = ports[p].Name, Port = 8000 + p };
            var terminating = rng.Percent(2);
            endpoints[e] = new EndpointSpec
            {
                Address = EndpointAddress(index, e),
                Ports = new ValueList<EndpointPortSpec>(epPorts),
                Ready = !terminating,
                Serving = true,
                Terminating = terminating,
                NodeName = "node-" + rng.Between(0, Nodes - 1).ToString(CultureInfo.InvariantCulture),
            };
        }

        var external = type != ServiceType.ClusterIP && rng.Percent(40) ? TrafficPolicy.Local : TrafficPolicy.Cluster;
        var service = new ServiceSpec
        {
            Namespace = "team-" + (index / 100).ToString(CultureInfo.InvariantCulture),
            Name = "svc-" + index.ToString(CultureInfo.InvariantCulture),
            Type = type,
            ClusterIP = IpAddress.FromV4(ClusterIpBase + 1 + (uint)index),
            Ports = ports.ToValueList(),
            ExternalTrafficPolicy = external,
            InternalTrafficPolicy = rng.Percent(2) ? TrafficPolicy.Local : TrafficPolicy.Cluster,
            SessionAffinity = rng.Percent(5) ? SessionAffinity.ClientIP : SessionAffinity.None,
            Endpoints = new ValueList<EndpointSpec>(endpoints),
        };
        if (type == ServiceType.LoadBalancer)
        {
            var ranges = new List<IpNetwork>();
            var rangeCount = rng.Between(1, 3);
            for (var r = 0; r < rangeCount; r++)
            {
                ranges.Add(new IpNetwork(IpAddress.FromV4((198u << 24) | (18u << 16) | ((uint)rng.Between(0, 255) << 8)), 24));
            }
            service = service with
            {
                LoadBalancerIngress = new[] { new LoadBalancerIngressSpec { IP = IpAddress.FromV4(IngressBase + 1 + (uint)index) } }.ToValueList(),
                LoadBalancerSourceRanges = ranges.ToValueList(),
                HealthCheckNodePort = external == TrafficPolicy.Local ? NodePort(index, 3) : 0,
            };
        }
        return service;
    }

    /// <summary>The address of endpoint <paramref name="endpoint"/> of service <paramref name="index"/>: unique in the workload.</summary>
    public static IpAddress EndpointAddress(int index, int endpoint) => IpAddress.FromV4(PodBase + 256 + (uint)index * 20 + (uint)endpoint);

    /// <summary>Unique node ports for up to 11,384 services (four per service: three ports and a health check).</summary>
    private static int NodePort(int index, int slot) => NodePortFirst + (((index * 4) + slot) % (NodePortLast - NodePortFirst + 1));
}
