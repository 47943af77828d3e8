using System.Linq;
using NatDsl.Cli.Kubernetes;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;
using static NatDsl.Cli.Tests.Kubernetes.SpecExpect;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>What kube-proxy leaves out, on small inputs: one case per rule.</summary>
public class KubeProxySelectionTests
{
    private static readonly KubeProxyFlags Node = new KubeProxyFlags { HostnameOverride = "n1", NodeIPs = new[] { "192.168.0.10" } };

    private static string Service(string name, string spec, string ns = "x", string labels = "{}", string status = "{}") =>
        "- apiVersion: v1\n  kind: Service\n  metadata: {name: " + name + ", namespace: " + ns + ", labels: " + labels + "}\n  spec: " + spec + "\n  status: " + status + "\n";

    private static string Slice(string name, string service, string endpoints, string ports = "[{name: '', port: 8080, protocol: TCP}]", string addressType = "IPv4", string ns = "x", string extraLabels = "") =>
        "- apiVersion: discovery.k8s.io/v1\n  kind: EndpointSlice\n  metadata: {name: " + name + ", namespace: " + ns
        + ", labels: {kubernetes.io/service-name: " + service + extraLabels + "}}\n  addressType: " + addressType
        + "\n  endpoints: " + endpoints + "\n  ports: " + ports + "\n";

    private static BuiltClusterSpec Build(string items, KubeProxyFlags? flags = null) =>
        KubernetesSpecBuilder.Build(KubernetesInput.Read("apiVersion: v1\nkind: List\nitems:\n" + items, "t.yaml"), flags ?? Node);

    private static string[] Reasons(BuiltClusterSpec built) => built.Skipped.Select(s => s.Kind + " " + s.Name + ": " + s.Reason).ToArray();

    private const string Simple = "{clusterIP: 10.96.0.5, ports: [{port: 80, targetPort: 8080}]}";

    [Test]
    public void Services_and_slices_for_another_service_proxy_are_excluded_by_label()
    {
        var built = Build(
            Service("a", Simple, labels: "{service.kubernetes.io/service-proxy-name: cilium}")
            + Service("b", Simple)
            + Slice("b-1", "b", "[{addresses: [10.1.0.1]}]", extraLabels: ", service.kubernetes.io/service-proxy-name: other"));
        Assert.That(built.Spec.Services.Select(s => s.Name).ToArray(), Is.EqualTo(new[] { "b" }));
        Assert.That(built.Spec.Services[0].Endpoints, Is.Empty);
        Assert.That(Reasons(built), Is.EqualTo(new[]
        {
            "Service x/a: label service.kubernetes.io/service-proxy-name=cilium: handled by another service proxy (kube-proxy's informers exclude it)",
            "EndpointSlice x/b-1: label service.kubernetes.io/service-proxy-name=other: handled by another service proxy (kube-proxy's informers exclude it)",
        }));
    }

    [Test]
    public void Services_without_ports_or_cluster_ip_and_unknown_types_are_skipped()
    {
        var built = Build(
            Service("noports", "{clusterIP: 10.96.0.6, ports: []}")
            + Service("noip", "{ports: [{port: 80}]}")
            + Service("badip", "{clusterIP: 10.96.0.300, ports: [{port: 80}]}")
            + Service("odd", "{type: Magic, clusterIP: 10.96.0.7, ports: [{port: 80}]}")
            + Service("sixonly", "{clusterIP: 'fd00::5', clusterIPs: ['fd00::5'], ports: [{port: 80}]}"));
        Assert.That(built.Spec.Services, Is.Empty);
        Assert.That(Reasons(built), Is.EqualTo(new[]
        {
            "Service x/badip: clusterIP \"10.96.0.300\" is not an IP address",
            "Service x/noip: no clusterIP",
            "Service x/noports: no ports: kube-proxy writes no rules for it",
            "Service x/odd: unknown type \"Magic\"",
            "Service x/sixonly: no IPv4 cluster IP (clusterIPs fd00::5): served by the other family's proxier",
        }));
    }

    [Test]
    public void Sloppy_addresses_are_normalised_and_bad_ones_reported()
    {
        var built = Build(Service("lb",
            "{type: LoadBalancer, clusterIP: 172.30.0.041, externalIPs: [192.168.099.022, nonsense, 'fd00::1'], loadBalancerSourceRanges: ['203.0.113.000/025', 10.0.0.1, 'fd00::/64'], ports: [{port: 80, nodePort: 30001}]}",
            status: "{loadBalancer: {ingress: [{ip: 1.2.3.004}, {ip: 5.6.7.8, ipMode: Proxy}, {ip: 9.9.9.9, ipMode: Future}, {ip: 'fd00::9'}]}}"));
        var lb = built.Spec.Services.Single();
        Assert.That(lb.ClusterIP, Is.EqualTo(IpAddress.Parse("172.30.0.41")));
        Assert.That(lb.ExternalIPs, Is.EqualTo(Ips("192.168.99.22")));
        Assert.That(lb.LoadBalancerSourceRanges, Is.EqualTo(List(IpNetwork.Parse("203.0.113.0/25"))));
        Assert.That(lb.LoadBalancerIngress, Is.EqualTo(List(
            new LoadBalancerIngressSpec { IP = IpAddress.Parse("1.2.3.4") },
            new LoadBalancerIngressSpec { IP = IpAddress.Parse("5.6.7.8"), IPMode = LoadBalancerIPMode.Proxy },
            new LoadBalancerIngressSpec { IP = IpAddress.Parse("9.9.9.9"), IPMode = LoadBalancerIPMode.Proxy })));
        Assert.That(Reasons(built), Is.EqualTo(new[]
        {
            "Service x/lb: spec.externalIPs[1] \"nonsense\" is not an IP address; ignored",
            "Service x/lb: spec.loadBalancerSourceRanges[1] \"10.0.0.1\" is not a CIDR; ignored",
        }));
    }

    [Test]
    public void Slice_ports_match_service_ports_by_name_and_protocol()
    {
        var built = Build(
            Service("dns", "{clusterIP: 10.96.0.10, ports: [{name: dns, port: 53, protocol: UDP}, {name: dns-tcp, port: 53, protocol: TCP}]}")
            + Slice("dns-1", "dns", "[{addresses: [10.1.0.2, 10.1.0.99]}, {addresses: []}, {addresses: [not-an-ip]}, {addresses: ['fd00::2']}]",
                "[{name: dns, port: 53, protocol: UDP}, {name: dns-tcp, port: 53, protocol: UDP}, {port: 54}, {name: extra}, {name: metrics, port: 9153}]"));
        var dns = built.Spec.Services.Single();
        Assert.That(dns.Endpoints, Is.EqualTo(List(Endpoint("10.1.0.2", null, EndpointPort("dns", 53)))));
        Assert.That(Reasons(built), Is.EqualTo(new[]
        {
            "EndpointSlice x/dns-1: ports[1] (\"dns-tcp\" UDP) matches no port of Service x/dns",
            "EndpointSlice x/dns-1: ports[2] has no name (kube-proxy drops it)",
            "EndpointSlice x/dns-1: ports[3] (\"extra\") has no port number (kube-proxy drops it)",
            "EndpointSlice x/dns-1: ports[4] (\"metrics\" TCP) matches no port of Service x/dns",
            "EndpointSlice x/dns-1: endpoints[1] has no address",
            "EndpointSlice x/dns-1: endpoints[2].addresses[0] \"not-an-ip\" is not an IP address",
            "EndpointSlice x/dns-1: endpoints[3].addresses[0] fd00::2 is not IPv4 though the slice's addressType is",
        }));
    }

    [Test]
    public void Slices_merge_in_name_order_whatever_the_input_order()
    {
        var built = Build(
            Service("web", Simple)
            + Slice("web-b", "web", "[{addresses: [10.1.0.2], conditions: {ready: false, serving: true, terminating: true}}]")
            + Slice("web-a", "web", "[{addresses: [10.1.0.2]}, {addresses: [10.1.0.1], nodeName: n1}]"));
        Assert.That(built.Spec.Services.Single().Endpoints, Is.EqualTo(List(
            Endpoint("10.1.0.2", null, EndpointPort(string.Empty, 8080)),
            Endpoint("10.1.0.1", "n1", EndpointPort(string.Empty, 8080)),
            Endpoint("10.1.0.2", null, EndpointPort(string.Empty, 8080)) with { Ready = false, Terminating = true })));
    }

    [Test]
    public void Slices_of_missing_or_skipped_services_and_fqdn_slices_are_reported()
    {
        var built = Build(
            Service("ext", "{type: ExternalName, externalName: example.com}")
            + Slice("ext-1", "ext", "[{addresses: [10.1.0.1]}]")
            + Slice("gone-1", "gone", "[{addresses: [10.1.0.1]}]")
            + Slice("names-1", "gone", "[{addresses: [example.com]}]", addressType: "FQDN"));
        Assert.That(Reasons(built), Is.EqualTo(new[]
        {
            "Service x/ext: type ExternalName: a DNS alias, kube-proxy writes no rules for it",
            "EndpointSlice x/ext-1: its Service x/ext is skipped",
            "EndpointSlice x/gone-1: its Service x/gone is not in the input",
            "EndpointSlice x/names-1: addressType FQDN: kube-proxy's IPv4 proxier reads only IPv4 slices",
        }));
    }

    [Test]
    public void Duplicates_keep_the_first_object_and_a_missing_namespace_is_default()
    {
        const string text = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {clusterIP: 10.96.0.1, ports: [{port: 80}]}\n---\n"
            + "apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: default}\nspec: {clusterIP: 10.96.0.2, ports: [{port: 80}]}\n";
        var built = KubernetesSpecBuilder.Build(KubernetesInput.Read(text, "d.yaml"), Node);
        Assert.That(built.Spec.Services.Single().ClusterIP, Is.EqualTo(IpAddress.Parse("10.96.0.1")));
        Assert.That(built.Spec.Services.Single().FullName, Is.EqualTo("default/a"));
        Assert.That(built.Skipped.Single().ToString(), Is.EqualTo("d.yaml:6:1: Service default/a: duplicate: the Service at d.yaml:1:1 is used"));
    }

    [Test]
    public void A_service_the_compiler_would_reject_is_skipped_with_the_validation_errors()
    {
        var items = Service("np", "{type: NodePort, clusterIP: 10.96.0.8, ports: [{name: web, port: 80, nodePort: 8080}]}")
            + Service("ok", "{type: NodePort, clusterIP: 10.96.0.9, ports: [{name: web, port: 80, nodePort: 30080}]}")
            + Service("web2", "{type: NodePort, clusterIP: 10.96.0.10, ports: [{name: web, port: 80, nodePort: 30080}]}");
        var built = Build(items);
        Assert.That(built.Spec.Services.Select(s => s.Name).ToArray(), Is.EqualTo(new[] { "ok" }));
        Assert.That(Reasons(built), Is.EqualTo(new[]
        {
            "Service x/np: not valid for the rule compiler: spec.ports[0].nodePort: 8080 is outside the node port range 30000-32767",
            "Service x/web2: not valid for the rule compiler: spec.ports[0].nodePort: node port 30080/TCP is already used by x/ok spec.ports[0]",
        }));
        var wide = Build(items, Node with { ServiceNodePortRange = "1-32767" });
        Assert.That(wide.Spec.Services.Select(s => s.Name).ToArray(), Is.EqualTo(new[] { "np", "ok" }));
    }

    [Test]
    public void A_node_port_clash_with_a_service_dropped_for_its_own_errors_is_no_clash()
    {
        var built = Build(
            Service("a", "{type: NodePort, clusterIP: 10.96.0.8, ports: [{name: web, port: 80, nodePort: 30080}, {name: Bad_Name, port: 81}]}")
            + Service("b", "{type: NodePort, clusterIP: 10.96.0.9, ports: [{name: web, port: 80, nodePort: 30080}]}")
            + Service("c", "{type: NodePort, clusterIP: 10.96.0.10, ports: [{name: web, port: 80, nodePort: 30081}]}")
            + Service("d", "{type: NodePort, clusterIP: 10.96.0.11, ports: [{name: web, port: 80, nodePort: 30081}]}"));
        Assert.That(built.Spec.Services.Select(s => s.Name).ToArray(), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(built.Skipped.Select(s => s.Name).ToArray(), Is.EqualTo(new[] { "x/a", "x/d" }));
        Assert.That(built.Skipped[0].Reason, Does.Contain("spec.ports[1].name: \"Bad_Name\" is not a DNS-1123 label"));
    }

    [Test]
    public void Current_profile_ignores_endpoints_objects()
    {
        var built = Build(Service("web", Simple)
            + "- apiVersion: v1\n  kind: Endpoints\n  metadata: {name: web, namespace: x}\n  subsets: [{addresses: [{ip: 10.1.0.1}], ports: [{port: 8080}]}]\n");
        Assert.That(built.Spec.Services.Single().Endpoints, Is.Empty);
        Assert.That(Reasons(built), Is.EqualTo(new[] { "Endpoints x/web: kube-proxy reads EndpointSlices since v1.19; Endpoints objects are read only with the v1.12 profile" }));
    }

    [Test]
    public void The_v1_12_profile_reads_endpoints_objects_where_it_has_them()
    {
        var items = Service("web", "{clusterIP: 10.96.0.5, ports: [{name: http, port: 80, targetPort: http}, {name: admin, port: 81, protocol: UDP}]}")
            + Service("api", Simple)
            + "- apiVersion: v1\n  kind: Endpoints\n  metadata: {name: web, namespace: x}\n  subsets:\n"
            + "  - addresses: [{ip: 10.1.0.1, nodeName: n1}, {ip: 10.1.0.2}]\n    notReadyAddresses: [{ip: 10.1.0.3}]\n    ports: [{name: http, port: 8080}, {name: admin, port: 9000, protocol: TCP}]\n"
            + Slice("web-1", "web", "[{addresses: [10.1.0.9]}]", "[{name: http, port: 8080}]")
            + Slice("api-1", "api", "[{addresses: [10.2.0.1]}]");
        var built = Build(items, Node with { Profile = "v1.12" });
        var web = built.Spec.Services.Single(s => s.Name == "web");
        var http = EndpointPort("http", 8080);
        Assert.That(web.Endpoints, Is.EqualTo(List(
            Endpoint("10.1.0.1", "n1", http), Endpoint("10.1.0.2", null, http), Endpoint("10.1.0.3", null, http) with { Ready = false, Serving = false })));
        Assert.That(web.Ports[0].TargetPort, Is.EqualTo(8080));
        Assert.That(built.Spec.Services.Single(s => s.Name == "api").Endpoints, Is.EqualTo(List(Endpoint("10.2.0.1", null, EndpointPort(string.Empty, 8080)))));
        Assert.That(Reasons(built), Is.EqualTo(new[]
        {
            "Endpoints x/web: subsets[0].ports[1] (\"admin\" TCP) matches no port of Service x/web",
            "EndpointSlice x/web-1: the v1.12 profile takes the endpoints of x/web from its Endpoints object, as kube-proxy 1.12–1.16 did",
        }));
    }

    [Test]
    public void Defaults_of_optional_fields_follow_the_api()
    {
        var built = Build(Service("web", "{clusterIP: 10.96.0.5, sessionAffinity: ClientIP, ports: [{port: 80}]}")
            + Slice("web-1", "web", "[{addresses: [10.1.0.1], conditions: {}}]", "[{name: '', port: 80}]"));
        var web = built.Spec.Services.Single();
        Assert.That(web.Ports, Is.EqualTo(List(Port(string.Empty, Protocol.Tcp, 80, 80))));
        Assert.That(web.SessionAffinityTimeoutSeconds, Is.EqualTo(10800));
        Assert.That(web.Endpoints.Single(), Is.EqualTo(Endpoint("10.1.0.1", null, EndpointPort(string.Empty, 80))));
    }
}
