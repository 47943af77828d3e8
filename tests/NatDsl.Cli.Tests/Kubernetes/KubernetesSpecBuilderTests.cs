using System.Linq;
using NatDsl.Cli.Kubernetes;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;
using static NatDsl.Cli.Tests.Kubernetes.SpecExpect;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>The fixture cluster as node-a's kube-proxy sees it, field by field.</summary>
public class KubernetesSpecBuilderTests
{
    private static ClusterSpec NodeASpec => ClusterFixture.Build(ClusterFixture.ListYaml, ClusterFixture.NodeA()).Spec;

    [Test]
    public void Proxied_services_are_sorted_by_namespace_then_name()
    {
        Assert.That(NodeASpec.Services.Select(s => s.FullName).ToArray(), Is.EqualTo(new[]
        {
            "default/kubernetes", "ingress-nginx/ingress-nginx-controller", "kube-system/kube-dns", "monitoring/node-exporter",
            "shop/api", "shop/cart", "shop/checkout", "shop/frontend", "shop/gateway",
        }));
    }

    [Test]
    public void Settings_come_from_the_flags()
    {
        Assert.That(NodeASpec.Settings, Is.EqualTo(new ProxierSettings
        {
            Profile = KubeProxyProfile.Current,
            NodeName = "node-a",
            NodeIPs = Ips("192.168.10.11"),
            ClusterCidr = IpNetwork.Parse("10.244.0.0/16"),
        }));
        Assert.That(NodeASpec.Masquerade, Is.EqualTo(new MasqueradeSpec()));
    }

    [TestCase(ClusterFixture.ListJson)]
    [TestCase(ClusterFixture.MultiYaml)]
    public void Every_form_of_the_fixture_gives_the_same_spec(string file)
    {
        Assert.That(ClusterFixture.Build(file, ClusterFixture.NodeA()).Spec, Is.EqualTo(NodeASpec));
    }

    [Test]
    public void Api_server_service_has_its_endpoint_without_node()
    {
        Assert.That(Service(NodeASpec, "default/kubernetes"), Is.EqualTo(new ServiceSpec
        {
            Namespace = "default",
            Name = "kubernetes",
            ClusterIP = IpAddress.Parse("10.96.0.1"),
            Ports = List(Port("https", Protocol.Tcp, 443, 6443)),
            Endpoints = List(Endpoint("192.168.10.5", null, EndpointPort("https", 6443))),
        }));
    }

    [Test]
    public void Local_load_balancer_keeps_policy_health_check_node_ports_and_ingress()
    {
        var ports = new[] { EndpointPort("https", 443), EndpointPort("http", 80) };
        Assert.That(Service(NodeASpec, "ingress-nginx/ingress-nginx-controller"), Is.EqualTo(new ServiceSpec
        {
            Namespace = "ingress-nginx",
            Name = "ingress-nginx-controller",
            Type = ServiceType.LoadBalancer,
            ClusterIP = IpAddress.Parse("10.96.100.20"),
            Ports = List(Port("http", Protocol.Tcp, 80, 80, 30080), Port("https", Protocol.Tcp, 443, 443, 30443)),
            LoadBalancerIngress = List(new LoadBalancerIngressSpec { IP = IpAddress.Parse("172.18.255.201"), IPMode = LoadBalancerIPMode.VIP }),
            ExternalTrafficPolicy = TrafficPolicy.Local,
            HealthCheckNodePort = 32000,
            Endpoints = List(Endpoint("10.244.1.20", "node-a", ports)),
        }));
    }

    [Test]
    public void Multi_port_dns_service_has_endpoints_on_two_nodes()
    {
        var dns = Service(NodeASpec, "kube-system/kube-dns");
        Assert.That(dns.Ports, Is.EqualTo(List(
            Port("dns", Protocol.Udp, 53, 53), Port("dns-tcp", Protocol.Tcp, 53, 53), Port("metrics", Protocol.Tcp, 9153, 9153))));
        var ports = new[] { EndpointPort("dns-tcp", 53), EndpointPort("dns", 53), EndpointPort("metrics", 9153) };
        Assert.That(dns.Endpoints, Is.EqualTo(List(Endpoint("10.244.1.2", "node-a", ports), Endpoint("10.244.2.2", "node-b", ports))));
        Assert.That(dns.Type, Is.EqualTo(ServiceType.ClusterIP));
        Assert.That(dns.SessionAffinity, Is.EqualTo(SessionAffinity.None));
    }

    [Test]
    public void Internal_local_policy_and_a_named_target_port_resolved_through_the_slice()
    {
        var exporter = Service(NodeASpec, "monitoring/node-exporter");
        Assert.That(exporter.InternalTrafficPolicy, Is.EqualTo(TrafficPolicy.Local));
        Assert.That(exporter.ExternalTrafficPolicy, Is.EqualTo(TrafficPolicy.Cluster));
        Assert.That(exporter.Ports, Is.EqualTo(List(Port("metrics", Protocol.Tcp, 9100, 9100))));
        Assert.That(exporter.Endpoints.Select(e => e.NodeName).ToArray(), Is.EqualTo(new[] { "node-a", "node-b" }));
    }

    [Test]
    public void Dual_stack_service_takes_the_ipv4_cluster_ip_and_only_the_ipv4_slice()
    {
        var api = Service(NodeASpec, "shop/api");
        Assert.That(api.ClusterIP, Is.EqualTo(IpAddress.Parse("10.96.200.10")));
        Assert.That(api.Endpoints, Is.EqualTo(List(Endpoint("10.244.1.30", "node-a", EndpointPort("http", 8080)))));
    }

    [Test]
    public void Dual_stack_service_takes_the_ipv6_cluster_ip_and_slice_for_the_ipv6_proxier()
    {
        var built = ClusterFixture.Build(ClusterFixture.ListYaml, ClusterFixture.NodeA(family: "6"));
        Assert.That(built.Spec.Settings.Family, Is.EqualTo(IpFamily.V6));
        Assert.That(built.Spec.Settings.NodeIPs, Is.EqualTo(Ips("fd00:10::11")));
        Assert.That(built.Spec.Settings.ClusterCidr, Is.EqualTo(IpNetwork.Parse("fd00:244::/56")));
        Assert.That(built.Spec.Services.Select(s => s.FullName).ToArray(), Is.EqualTo(new[] { "shop/api" }));
        var api = built.Spec.Services[0];
        Assert.That(api.ClusterIP, Is.EqualTo(IpAddress.Parse("fd00:10:96::c8")));
        Assert.That(api.Endpoints, Is.EqualTo(List(Endpoint("fd00:244:1::1e", "node-a", EndpointPort("http", 8080)))));
        Assert.That(built.Skipped.Where(s => s.Reason.StartsWith("no IPv6 cluster IP", System.StringComparison.Ordinal)).Select(s => s.Name).ToArray(), Is.EqualTo(new[]
        {
            "default/kubernetes", "ingress-nginx/ingress-nginx-controller", "kube-system/kube-dns", "monitoring/node-exporter",
            "shop/cart", "shop/checkout", "shop/frontend", "shop/gateway",
        }));
        Assert.That(built.Skipped.Any(s => s.Name == "shop/api-4rfhw" && s.Reason.StartsWith("addressType IPv4", System.StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Client_ip_affinity_with_its_timeout_on_an_unnamed_port()
    {
        var cart = Service(NodeASpec, "shop/cart");
        Assert.That(cart.SessionAffinity, Is.EqualTo(SessionAffinity.ClientIP));
        Assert.That(cart.SessionAffinityTimeoutSeconds, Is.EqualTo(3600));
        Assert.That(cart.Ports, Is.EqualTo(List(Port(string.Empty, Protocol.Tcp, 80, 8080))));
        Assert.That(cart.Endpoints.Select(e => e.Ports).Distinct().Single(), Is.EqualTo(List(EndpointPort(string.Empty, 8080))));
    }

    [Test]
    public void Node_port_service()
    {
        var checkout = Service(NodeASpec, "shop/checkout");
        Assert.That(checkout.Type, Is.EqualTo(ServiceType.NodePort));
        Assert.That(checkout.Ports, Is.EqualTo(List(Port("http", Protocol.Tcp, 8080, 8080, 30808))));
        Assert.That(checkout.Endpoints, Is.EqualTo(List(Endpoint("10.244.2.50", "node-b", EndpointPort("http", 8080)))));
    }

    [Test]
    public void Not_ready_and_terminating_endpoints_keep_their_conditions()
    {
        var frontend = Service(NodeASpec, "shop/frontend");
        Assert.That(frontend.ExternalIPs, Is.EqualTo(Ips("192.168.10.100")));
        Assert.That(frontend.Ports, Is.EqualTo(List(Port("http", Protocol.Tcp, 80, 8080), Port("https", Protocol.Tcp, 443, 8443))));
        var ports = new[] { EndpointPort("https", 8443), EndpointPort("http", 8080) };
        Assert.That(frontend.Endpoints, Is.EqualTo(List(
            Endpoint("10.244.1.10", "node-a", ports),
            Endpoint("10.244.2.10", "node-b", ports),
            Endpoint("10.244.2.11", "node-b", ports) with { Ready = false, Serving = false },
            Endpoint("10.244.1.11", "node-a", ports) with { Ready = false, Serving = true, Terminating = true })));
    }

    [Test]
    public void Load_balancer_source_ranges_are_trimmed_and_a_hostname_ingress_is_left_out()
    {
        var gateway = Service(NodeASpec, "shop/gateway");
        Assert.That(gateway.LoadBalancerSourceRanges, Is.EqualTo(List(IpNetwork.Parse("203.0.113.0/24"), IpNetwork.Parse("198.51.100.0/25"))));
        Assert.That(gateway.LoadBalancerIngress, Is.EqualTo(List(new LoadBalancerIngressSpec { IP = IpAddress.Parse("172.18.255.200") })));
        Assert.That(gateway.ExternalTrafficPolicy, Is.EqualTo(TrafficPolicy.Cluster));
        Assert.That(gateway.HealthCheckNodePort, Is.Zero);
        Assert.That(gateway.Ports, Is.EqualTo(List(Port("https", Protocol.Tcp, 443, 8443, 31443))));
    }

    [Test]
    public void What_kube_proxy_ignores_is_reported_with_location_and_reason()
    {
        var skipped = ClusterFixture.Build(ClusterFixture.ListYaml, ClusterFixture.NodeA()).Skipped.Select(s => s.ToString()).ToArray();
        Assert.That(skipped, Is.EqualTo(new[]
        {
            "cluster.list.yaml:3:3: Service default/external-db: type ExternalName: a DNS alias, kube-proxy writes no rules for it",
            "cluster.list.yaml:228:3: Service shop/cart-headless: headless (clusterIP None): no virtual IP to proxy",
            "cluster.list.yaml:323:3: Service shop/gateway: status.loadBalancer.ingress[1] has no ip (hostname gw.example.com): kube-proxy writes no rule for it",
            "cluster.list.yaml:570:3: EndpointSlice shop/api-zb6tn: addressType IPv6: kube-proxy's IPv4 proxier reads only IPv4 slices",
            "cluster.list.yaml:646:3: EndpointSlice shop/cart-headless-s2lp6: label service.kubernetes.io/headless: headless (kube-proxy's informers exclude it)",
            "cluster.list.yaml:817:3: EndpointSlice shop/legacy-manual: no kubernetes.io/service-name label: kube-proxy cannot tell its Service",
        }));
    }

    [Test]
    public void Input_order_does_not_change_the_spec()
    {
        var objects = ClusterFixture.Read(ClusterFixture.ListYaml);
        var reversed = new KubernetesObjects(objects.Services.Reverse().ToList(), objects.EndpointSlices.Reverse().ToList(), objects.Endpoints, objects.Skipped);
        Assert.That(KubernetesSpecBuilder.Build(reversed, ClusterFixture.NodeA()).Spec, Is.EqualTo(NodeASpec));
    }

    [Test]
    public void Another_node_sees_the_same_services()
    {
        var nodeB = ClusterFixture.NodeA() with { HostnameOverride = "Node-B ", NodeIPs = new[] { "192.168.10.12" } };
        var spec = ClusterFixture.Build(ClusterFixture.ListYaml, nodeB).Spec;
        Assert.That(spec.Settings.NodeName, Is.EqualTo("node-b"));
        Assert.That(spec.Services, Is.EqualTo(NodeASpec.Services));
    }
}
