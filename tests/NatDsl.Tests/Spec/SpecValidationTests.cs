using System;
using System.Linq;
using NatDsl.Dsl;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Spec;

public class SpecValidationTests
{
    private static SpecValidationException Fails(Action<ClusterBuilder> define) =>
        Assert.Throws<SpecValidationException>(() => ClusterSpec.Build(define))!;

    private static ClusterBuilder OneService(ClusterBuilder c, Action<ServiceBuilder> service) =>
        c.Service("kys/web", s => { s.ClusterIP("10.96.0.1").Port("http", 80, Protocol.Tcp); service(s); });

    private static void HasError(SpecValidationException e, string? service, string field, string messagePart)
    {
        var found = e.Errors.Any(x => x.Service == service && x.Field == field && x.Message.Contains(messagePart, StringComparison.Ordinal));
        Assert.That(found, Is.True, "expected " + (service ?? "cluster") + ": " + field + ": …" + messagePart + "… in\n" + e.Message);
        Assert.That(e.Message, Does.Contain((service ?? "cluster") + ": " + field + ": "));
    }

    [Test]
    public void Malformed_address_is_reported_once_at_its_field()
    {
        var e = Fails(c => c.Service("kys/web", s => s.ClusterIP("10.0.0.300").Port(80, Protocol.Tcp)));
        HasError(e, "kys/web", "spec.clusterIP", "\"10.0.0.300\" is not an IP address");
        Assert.That(e.Errors.Count, Is.EqualTo(1), e.Message);
    }

    [Test]
    public void Malformed_cidrs_are_reported_at_their_fields()
    {
        var e = Fails(c => OneService(c.ClusterCidr("10.254.0.0").NodePortAddresses("192.168.0.0/40"), s => s
            .LoadBalancerSourceRanges("203.0.113.0/25", "nonsense")
            .Endpoint("10.1.1", ep => ep.Port("http", 80))));
        HasError(e, null, "settings.clusterCIDR", "is not a CIDR");
        HasError(e, null, "settings.nodePortAddresses[0]", "is not a CIDR");
        HasError(e, "kys/web", "spec.loadBalancerSourceRanges[1]", "\"nonsense\" is not a CIDR");
        HasError(e, "kys/web", "endpoints[0].address", "\"10.1.1\" is not an IP address");
        Assert.That(e.Errors.Count, Is.EqualTo(4), e.Message);
    }

    [Test]
    public void Ports_outside_1_to_65535()
    {
        var e = Fails(c => c.Service("kys/web", s => s.ClusterIP("10.96.0.1").Port(70000, Protocol.Tcp).Endpoint("10.1.1.1", ep => ep.Port(0))));
        HasError(e, "kys/web", "spec.ports[0].port", "70000 is outside 1-65535");
        HasError(e, "kys/web", "endpoints[0].ports[0].port", "0 is outside 1-65535");
    }

    [Test]
    public void Node_port_outside_the_range()
    {
        var e = Fails(c => c.Service("kys/dnsutils-ds", s => s.Type(ServiceType.NodePort).ClusterIP("10.254.212.225").Port("http", 80, Protocol.Tcp, nodePort: 34573)));
        HasError(e, "kys/dnsutils-ds", "spec.ports[0].nodePort", "34573 is outside the node port range 30000-32767");
        Assert.DoesNotThrow(() => ClusterSpec.Build(c => c.NodePortRange(30000, 35000)
            .Service("kys/dnsutils-ds", s => s.Type(ServiceType.NodePort).ClusterIP("10.254.212.225").Port("http", 80, Protocol.Tcp, nodePort: 34573))));
    }

    [Test]
    public void Node_port_needs_a_node_port_type_and_is_unique()
    {
        var e = Fails(c => c
            .Service("kys/a", s => s.ClusterIP("10.96.0.1").Port(80, Protocol.Tcp, nodePort: 30080))
            .Service("kys/b", s => s.Type(ServiceType.NodePort).ClusterIP("10.96.0.2").Port(80, Protocol.Tcp, nodePort: 30080)));
        HasError(e, "kys/a", "spec.ports[0].nodePort", "needs type NodePort or LoadBalancer");
        HasError(e, "kys/b", "spec.ports[0].nodePort", "already used by kys/a spec.ports[0]");
    }

    [Test]
    public void Duplicate_services()
    {
        var e = Fails(c => c
            .Service("kys/web", s => s.ClusterIP("10.96.0.1").Port(80, Protocol.Tcp))
            .Service("kys/web", s => s.ClusterIP("10.96.0.2").Port(80, Protocol.Tcp)));
        HasError(e, "kys/web", "metadata.name", "duplicate service: kys/web is already declared as service #1");
    }

    [Test]
    public void Duplicate_port_names_and_ports()
    {
        var e = Fails(c => OneService(c, s => s.Port("http", 8080, Protocol.Tcp).Port("dns", 80, Protocol.Tcp)));
        HasError(e, "kys/web", "spec.ports[1].name", "duplicate port name \"http\" (also spec.ports[0])");
        HasError(e, "kys/web", "spec.ports[2]", "duplicate port 80/TCP (also spec.ports[0])");
    }

    [Test]
    public void Second_port_without_a_name()
    {
        var e = Fails(c => OneService(c, s => s.Port(8080, Protocol.Tcp)));
        HasError(e, "kys/web", "spec.ports[1].name", "is required when the service has more than one port");
    }

    [Test]
    public void Names_must_be_dns_1123_labels()
    {
        var e = Fails(c => c.Service("Kys/my_web", s => s.ClusterIP("10.96.0.1").Port("HTTP", 80, Protocol.Tcp)));
        HasError(e, "Kys/my_web", "metadata.namespace", "\"Kys\" is not a DNS-1123 label");
        HasError(e, "Kys/my_web", "metadata.name", "\"my_web\" is not a DNS-1123 label");
        HasError(e, "Kys/my_web", "spec.ports[0].name", "\"HTTP\" is not a DNS-1123 label");
        var noSlash = Fails(c => c.Service("web", s => s.ClusterIP("10.96.0.1").Port(80, Protocol.Tcp)));
        HasError(noSlash, "web", "metadata.name", "\"web\" is not \"namespace/name\"");
    }

    [Test]
    public void Endpoint_port_names_must_match_a_service_port()
    {
        var e = Fails(c => OneService(c, s => s.Endpoint("10.1.1.1", ep => ep.Port("https", 443).Port(8080))));
        HasError(e, "kys/web", "endpoints[0].ports[0].name", "port name \"https\" matches no service port");
        HasError(e, "kys/web", "endpoints[0].ports[1].name", "the unnamed port matches no service port");
    }

    [Test]
    public void Ip_family_mismatches()
    {
        var e = Fails(c => OneService(c.IPFamily(IpFamily.V6).NodeIP("192.168.0.2").ClusterCidr("10.0.0.0/8")
                .Masquerade(m => m.PodNetwork("10.254.0.0/16")).NonMasqueradeCidrs("fd00::/8", "10.0.0.0/8"),
            s => s.ExternalIPs("fd00::1").Type(ServiceType.LoadBalancer).LoadBalancerIngress("1.2.3.4").LoadBalancerSourceRanges("2001:db8::/64")
                .Endpoints(80, "10.1.1.1")));
        HasError(e, null, "settings.nodeIPs[0]", "192.168.0.2 is IPv4 but the proxier family is IPv6");
        HasError(e, null, "settings.clusterCIDR", "10.0.0.0/8 is IPv4 but the proxier family is IPv6");
        HasError(e, null, "masquerade.podNetwork", "is IPv4 but the proxier family is IPv6");
        HasError(e, null, "masquerade.nonMasqueradeCIDRs[1]", "is IPv4");
        HasError(e, "kys/web", "spec.clusterIP", "10.96.0.1 is IPv4 but the proxier family is IPv6");
        HasError(e, "kys/web", "status.loadBalancer.ingress[0].ip", "1.2.3.4 is IPv4");
        HasError(e, "kys/web", "endpoints[0].address", "10.1.1.1 is IPv4");
        Assert.That(e.Errors.Any(x => x.Field.StartsWith("spec.externalIPs", StringComparison.Ordinal)), Is.False);
        Assert.That(e.Errors.Any(x => x.Field.StartsWith("spec.loadBalancerSourceRanges", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Comments_longer_than_255_bytes()
    {
        var longName = new string('a', 200);
        var e = Fails(c => c.Service("kys/" + longName, s => s.ClusterIP("10.96.0.1").Port(80, Protocol.Tcp)));
        HasError(e, "kys/" + longName, "spec.ports[0]", "bytes; iptables allows 255");
        HasError(e, "kys/" + longName, "metadata.name", "is not a DNS-1123 label");
    }

    [Test]
    public void Generated_chain_names_never_exceed_28_characters()
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(c => c
            .Service(new string('n', 63) + "/" + new string('s', 63), s => s.Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.1")
                .Port(new string('p', 63), 80, Protocol.Sctp, nodePort: 30001).LoadBalancerIngress("1.2.3.4").LoadBalancerSourceRanges("10.0.0.0/8")
                .ExternalTrafficPolicy(TrafficPolicy.Local).Endpoint("10.1.1.1", ep => ep.Port(new string('p', 63), 80)))),
            new CompileOptions { SelfContained = true });
        foreach (var table in rules.Tables)
        {
            foreach (var chain in table.Chains) Assert.That(chain.Name.Length, Is.LessThanOrEqualTo(KubeChains.MaxChainNameLength), chain.Name);
        }
    }

    [Test]
    public void Exception_lists_every_error_and_the_compiler_refuses_invalid_specs()
    {
        var e = Fails(c => c.MasqueradeBit(40).Service("kys/web", s => s.ClusterIP("10.96.0.1")));
        Assert.That(e.Errors.Count, Is.EqualTo(2), e.Message);
        Assert.That(e.Message, Does.StartWith("The cluster spec has 2 errors:"));
        Assert.That(e.Message, Does.Contain("cluster: settings.masqueradeBit: 40 is not a bit number 0-31"));
        Assert.That(e.Message, Does.Contain("kys/web: spec.ports: at least one port is required"));

        var invalid = new ClusterSpec { Services = new[] { new ServiceSpec { Namespace = "kys", Name = "web" } }.ToValueList() };
        Assert.That(SpecValidator.Validate(invalid).Select(x => x.Field), Is.EquivalentTo(new[] { "spec.clusterIP", "spec.ports" }));
        Assert.Throws<SpecValidationException>(() => KubeProxyCompiler.Compile(invalid));
        Assert.Throws<SpecValidationException>(() => KubeProxyCompiler.Plan(invalid));
    }

    [Test]
    public void Other_service_field_checks()
    {
        var e = Fails(c => c.Masquerade(m => m.PodNetwork("10.254.0.0/16").NodeSubnet("10.1.0.0/24"))
            .Service("kys/web", s => s.ClusterIP("10.96.0.1").Port(80, Protocol.Tcp).LoadBalancerIngress("1.2.3.4")
                .HealthCheckNodePort(-1).SessionAffinity(SessionAffinity.ClientIP, 0)));
        HasError(e, null, "masquerade.nodeSubnet", "10.1.0.0/24 is not inside the pod network 10.254.0.0/16");
        HasError(e, "kys/web", "status.loadBalancer.ingress[0].ip", "load-balancer ingress needs type LoadBalancer");
        HasError(e, "kys/web", "spec.healthCheckNodePort", "-1 is outside 1-65535");
        HasError(e, "kys/web", "spec.sessionAffinityConfig.clientIP.timeoutSeconds", "0 is outside 1-86400");
    }
}
