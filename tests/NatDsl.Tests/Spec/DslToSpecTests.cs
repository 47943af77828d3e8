using NatDsl.Dsl;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Spec;

public class DslToSpecTests
{
    [Test]
    public void Settings_map_one_to_one()
    {
        var spec = ClusterSpec.Build(c => c
            .KubeProxy(KubeProxyProfile.V1_12)
            .NodeName("node1")
            .NodeIP("192.168.0.2")
            .NodeIP("192.168.1.2")
            .ClusterCidr("10.254.0.0/16")
            .MasqueradeAll()
            .MasqueradeBit(13)
            .NodePortAddresses("192.168.0.0/24", "127.0.0.0/8")
            .NodePortRange(3000, 40000)
            .LocalhostNodePorts(false)
            .RandomFully(false)
            .ConntrackTcpBeLiberal()
            .Nfacct(false)
            .KubeletChains(false));

        Assert.That(spec.Settings, Is.EqualTo(new ProxierSettings
        {
            Profile = KubeProxyProfile.V1_12,
            NodeName = "node1",
            NodeIPs = new[] { IpAddress.Parse("192.168.0.2"), IpAddress.Parse("192.168.1.2") }.ToValueList(),
            ClusterCidr = IpNetwork.Parse("10.254.0.0/16"),
            MasqueradeAll = true,
            MasqueradeBit = 13,
            NodePortAddresses = new[] { IpNetwork.Parse("192.168.0.0/24"), IpNetwork.Parse("127.0.0.0/8") }.ToValueList(),
            NodePortRange = new PortRange(3000, 40000),
            LocalhostNodePorts = false,
            RandomFully = false,
            ConntrackTcpBeLiberal = true,
            Nfacct = false,
        }));
        Assert.That(spec.KubeletChains, Is.False);
        Assert.That(spec.Settings.MasqueradeMark, Is.EqualTo(0x2000u));
        Assert.That(spec.Settings.PrimaryNodeIP, Is.EqualTo(IpAddress.Parse("192.168.0.2")));
    }

    [Test]
    public void Defaults_follow_kube_proxy()
    {
        var spec = ClusterSpec.Build(c => { });
        Assert.That(spec.Settings.Profile, Is.EqualTo(KubeProxyProfile.Current));
        Assert.That(spec.Settings.MasqueradeBit, Is.EqualTo(14));
        Assert.That(spec.Settings.MasqueradeMark, Is.EqualTo(0x4000u));
        Assert.That(spec.Settings.LocalhostNodePorts, Is.True);
        Assert.That(spec.Settings.RandomFully, Is.True);
        Assert.That(spec.Settings.Nfacct, Is.True);
        Assert.That(spec.Settings.ClusterCidr, Is.Null);
        Assert.That(spec.Settings.NodePortRange, Is.EqualTo(new PortRange(30000, 32767)));
        Assert.That(spec.Settings.Family, Is.EqualTo(IpFamily.V4));
        Assert.That(spec.KubeletChains, Is.True);
        Assert.That(spec.Masquerade, Is.EqualTo(new MasqueradeSpec()));
    }

    [Test]
    public void Service_fields_map_one_to_one()
    {
        var spec = ClusterSpec.Build(c => c
            .Service("ns1/web", svc => svc
                .Type(ServiceType.LoadBalancer)
                .ClusterIP("172.30.0.41")
                .Port("http", 80, Protocol.Tcp, nodePort: 30080, targetPort: 8080)
                .Port("dns", 53, Protocol.Udp)
                .ExternalIPs("192.168.99.11", "192.168.99.12")
                .LoadBalancerIngress("1.2.3.4")
                .LoadBalancerIngress("5.6.7.8", LoadBalancerIPMode.Proxy)
                .LoadBalancerSourceRanges(" 203.0.113.0/25", "198.51.100.7/24")
                .ExternalTrafficPolicy(TrafficPolicy.Local)
                .InternalTrafficPolicy(TrafficPolicy.Local)
                .HealthCheckNodePort(30000)
                .SessionAffinity(SessionAffinity.ClientIP, timeoutSeconds: 600)));

        var service = spec.Services[0];
        Assert.That(service, Is.EqualTo(new ServiceSpec
        {
            Namespace = "ns1",
            Name = "web",
            Type = ServiceType.LoadBalancer,
            ClusterIP = IpAddress.Parse("172.30.0.41"),
            Ports = new[]
            {
                new ServicePortSpec { Name = "http", Port = 80, Protocol = Protocol.Tcp, NodePort = 30080, TargetPort = 8080 },
                new ServicePortSpec { Name = "dns", Port = 53, Protocol = Protocol.Udp },
            }.ToValueList(),
            ExternalIPs = new[] { IpAddress.Parse("192.168.99.11"), IpAddress.Parse("192.168.99.12") }.ToValueList(),
            LoadBalancerIngress = new[]
            {
                new LoadBalancerIngressSpec { IP = IpAddress.Parse("1.2.3.4") },
                new LoadBalancerIngressSpec { IP = IpAddress.Parse("5.6.7.8"), IPMode = LoadBalancerIPMode.Proxy },
            }.ToValueList(),
            LoadBalancerSourceRanges = new[] { IpNetwork.Parse("203.0.113.0/25"), IpNetwork.Parse("198.51.100.0/24") }.ToValueList(),
            ExternalTrafficPolicy = TrafficPolicy.Local,
            InternalTrafficPolicy = TrafficPolicy.Local,
            HealthCheckNodePort = 30000,
            SessionAffinity = SessionAffinity.ClientIP,
            SessionAffinityTimeoutSeconds = 600,
        }));
        Assert.That(service.FullName, Is.EqualTo("ns1/web"));
    }

    [Test]
    public void Endpoints_shorthand_serves_every_port_and_endpoint_builder_sets_conditions()
    {
        var spec = ClusterSpec.Build(c => c
            .NodeName("node1")
            .Service("kube-system/kube-dns", svc => svc
                .ClusterIP("10.254.0.10")
                .Endpoints(53, "10.254.28.2")
                .Port("dns", 53, Protocol.Udp)
                .Port("dns-tcp", 53, Protocol.Tcp)
                .Endpoint("10.1.2.3", e => e.Port("dns", 5353).Node("node1").Ready(false).Serving(true).Terminating(true))));

        var endpoints = spec.Services[0].Endpoints;
        Assert.That(endpoints[0], Is.EqualTo(new EndpointSpec
        {
            Address = IpAddress.Parse("10.254.28.2"),
            Ports = new[] { new EndpointPortSpec { Name = "dns", Port = 53 }, new EndpointPortSpec { Name = "dns-tcp", Port = 53 } }.ToValueList(),
        }));
        Assert.That(endpoints[1], Is.EqualTo(new EndpointSpec
        {
            Address = IpAddress.Parse("10.1.2.3"),
            Ports = new[] { new EndpointPortSpec { Name = "dns", Port = 5353 } }.ToValueList(),
            NodeName = "node1",
            Ready = false,
            Serving = true,
            Terminating = true,
        }));
    }

    [Test]
    public void Masquerade_rules_map_to_the_masquerade_spec()
    {
        var spec = ClusterSpec.Build(c => c
            .Masquerade(m => m.PodNetwork("10.254.0.0/16").NodeSubnet("10.254.98.0/24"))
            .NonMasqueradeCidrs("10.0.0.0/8", "172.16.0.0/12"));
        Assert.That(spec.Masquerade, Is.EqualTo(new MasqueradeSpec
        {
            PodNetwork = IpNetwork.Parse("10.254.0.0/16"),
            NodeSubnet = IpNetwork.Parse("10.254.98.0/24"),
            NonMasqueradeCidrs = new[] { IpNetwork.Parse("10.0.0.0/8"), IpNetwork.Parse("172.16.0.0/12") }.ToValueList(),
        }));
    }

    [Test]
    public void Equal_declarations_build_equal_specs()
    {
        void Define(ClusterBuilder c) => c.ClusterCidr("10.0.0.0/8").Service("a/b", s => s.ClusterIP("10.96.0.1").Port(80, Protocol.Tcp).Endpoints(80, "10.0.0.1"));
        var first = ClusterSpec.Build(Define);
        var second = ClusterSpec.Build(Define);
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(ClusterSpec.Build(Define), Is.Not.EqualTo(ClusterSpec.Build(c => { Define(c); c.MasqueradeAll(); })));
    }

    [Test]
    public void NatRuleSet_attribute_is_for_classes_with_an_optional_golden()
    {
        var usage = (System.AttributeUsageAttribute)System.Attribute.GetCustomAttribute(typeof(NatRuleSetAttribute), typeof(System.AttributeUsageAttribute))!;
        Assert.That(usage.ValidOn, Is.EqualTo(System.AttributeTargets.Class));
        Assert.That(new NatRuleSetAttribute { Golden = "golden/seed.listing.txt" }.Golden, Is.EqualTo("golden/seed.listing.txt"));
    }
}
