using NatDsl.KubeProxy;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.KubeProxy;

public class ChainHashingTests
{
    // Every service chain of the seed dump (kube-proxy 1.12–1.16: the colon is kept for unnamed ports).
    [TestCase("kys/service-test:", "tcp", "KUBE-SVC-N7RVRFO6KG6JK57Y")]
    [TestCase("kys/my-nginx:", "tcp", "KUBE-SVC-BPMGLFJT3B65TD5S")]
    [TestCase("kys/dnsutils-ds:http", "tcp", "KUBE-SVC-Z3R3N3G6T6ZAFB4A")]
    [TestCase("default/kubernetes:https", "tcp", "KUBE-SVC-NPX46M4PTMTKRN6Y")]
    [TestCase("kube-system/kube-dns:dns", "udp", "KUBE-SVC-TCOU7JCQXEZGVUNU")]
    [TestCase("kube-system/kube-dns:dns-tcp", "tcp", "KUBE-SVC-ERIFXISQEP7F7OF4")]
    // kube-proxy's own unit tests (v1.17+ names).
    [TestCase("ns1/svc1:p80", "tcp", "KUBE-SVC-XPGD46QRK7WJZT7O")]
    [TestCase("ns2/svc2:p80", "tcp", "KUBE-SVC-GNZBNJ2PO5MGZ6GT")]
    [TestCase("ns3/svc3:p80", "tcp", "KUBE-SVC-X27LE4BHSL4DOUIK")]
    [TestCase("ns4/svc4:p80", "tcp", "KUBE-SVC-4SW47YFZTEDKD3PK")]
    [TestCase("ns5/svc5:p80", "tcp", "KUBE-SVC-NUKIZ6OKUXPJNT4C")]
    [TestCase("ns2/svc2:p8080", "tcp", "KUBE-SVC-2VJB64SDSIJUP5T6")]
    [TestCase("ns4/svc4:p8082", "tcp", "KUBE-SVC-EBDQOQU5SJFXRIL3")]
    // The current unnamed-port form drops the colon.
    [TestCase("kys/my-nginx", "tcp", "KUBE-SVC-PN7ZOT2WZAJVC7CL")]
    public void Service_chain_names_hash_like_kube_proxy(string servicePortName, string protocol, string expected)
    {
        Assert.That(ChainHashing.ServiceChain(servicePortName, protocol), Is.EqualTo(expected));
    }

    [TestCase("kys/service-test:", "tcp", "10.254.28.6:8080", "KUBE-SEP-2ETOGMBR3D5CXS34")]
    [TestCase("kys/service-test:", "tcp", "10.254.28.7:8080", "KUBE-SEP-IWFTC2T6CTL3MLMY")]
    [TestCase("kys/service-test:", "tcp", "10.254.98.4:8080", "KUBE-SEP-KS6VDJH5DJ57DL4B")]
    [TestCase("kys/service-test:", "tcp", "10.254.98.5:8080", "KUBE-SEP-LS5M55Q5SBUJEOD2")]
    [TestCase("kys/my-nginx:", "tcp", "10.254.28.3:80", "KUBE-SEP-3JV6F2ZOHII4PTUE")]
    [TestCase("kys/my-nginx:", "tcp", "10.254.98.2:80", "KUBE-SEP-SDUY4ET7UO7K7WNU")]
    [TestCase("kys/dnsutils-ds:http", "tcp", "10.254.28.4:80", "KUBE-SEP-NYSKW4FUJNBHS72E")]
    [TestCase("kys/dnsutils-ds:http", "tcp", "10.254.98.3:80", "KUBE-SEP-ER6Z6DZEOUVFTBJW")]
    [TestCase("kube-system/kube-dns:dns-tcp", "tcp", "10.254.28.2:53", "KUBE-SEP-EL7AM53YBYVU7MNA")]
    [TestCase("kube-system/kube-dns:dns", "udp", "10.254.28.2:53", "KUBE-SEP-SQ36TMKWQVNIB7L2")]
    [TestCase("default/kubernetes:https", "tcp", "192.168.1.150:6443", "KUBE-SEP-UQFL47CD2HHCHOK6")]
    [TestCase("ns1/svc1:p80", "tcp", "10.180.0.1:80", "KUBE-SEP-SXIVWICOYRO3J4NJ")]
    [TestCase("ns2/svc2:p80", "tcp", "10.180.0.2:80", "KUBE-SEP-RS4RBKLTHTF2IUXJ")]
    [TestCase("ns3/svc3:p80", "tcp", "10.180.0.3:80", "KUBE-SEP-OYPFS5VJICHGATKP")]
    [TestCase("ns4/svc4:p80", "tcp", "10.180.0.4:80", "KUBE-SEP-UKSFD7AGPMPPLUHC")]
    [TestCase("ns4/svc4:p80", "tcp", "10.180.0.5:80", "KUBE-SEP-C6EBXVWJJZMIWKLZ")]
    [TestCase("ns5/svc5:p80", "tcp", "10.180.0.3:80", "KUBE-SEP-I77PXRDZVX7PMWMN")]
    [TestCase("ns1/svc1:p80", "tcp", "10.0.1.1:80", "KUBE-SEP-SNQ3ZNILQDEJNDQO")]
    [TestCase("ns2/svc2:p8080", "tcp", "10.0.2.1:8080", "KUBE-SEP-UHEGFW77JX3KXTOV")]
    [TestCase("ns3/svc3:p80", "tcp", "10.0.3.2:80", "KUBE-SEP-DKCFIS26GWF2WLWC")]
    [TestCase("ns3/svc3:p80", "tcp", "10.0.3.3:80", "KUBE-SEP-JVVZVJ7BSEPPRNBS")]
    [TestCase("ns4/svc4:p80", "tcp", "10.0.4.1:80", "KUBE-SEP-AYCN5HPXMIRJNJXU")]
    [TestCase("ns1/svc1:p80", "tcp", "10.0.0.0:80", "KUBE-SEP-DKGQUZGBKLTPAR56")]
    [TestCase("ns3/svc3:p8081", "tcp", "203.0.113.4:8081", "KUBE-SEP-RUVVH7YV3PHQBDOS")]
    [TestCase("ns4/svc4:p8082", "tcp", "10.4.0.1:8082", "KUBE-SEP-SU5STNODRYEWJAUF")]
    public void Endpoint_chain_names_hash_the_endpoint_too(string servicePortName, string protocol, string endpoint, string expected)
    {
        Assert.That(ChainHashing.EndpointChain(servicePortName, protocol, endpoint), Is.EqualTo(expected));
    }

    [Test]
    public void Other_chain_kinds_share_the_port_hash()
    {
        Assert.That(ChainHashing.LocalServiceChain("ns2/svc2:p80", "tcp"), Is.EqualTo("KUBE-SVL-GNZBNJ2PO5MGZ6GT"));
        Assert.That(ChainHashing.ExternalChain("ns2/svc2:p80", "tcp"), Is.EqualTo("KUBE-EXT-GNZBNJ2PO5MGZ6GT"));
        Assert.That(ChainHashing.FirewallChain("ns5/svc5:p80", "tcp"), Is.EqualTo("KUBE-FW-NUKIZ6OKUXPJNT4C"));
        Assert.That(ChainHashing.ExternalLocalChain("ns5/svc5:p80", "tcp"), Is.EqualTo("KUBE-XLB-NUKIZ6OKUXPJNT4C"));
    }

    [Test]
    public void Profiles_format_the_service_port_name_differently()
    {
        Assert.That(ProfileRules.V1_12.ServicePortName("kys", "my-nginx", ""), Is.EqualTo("kys/my-nginx:"));
        Assert.That(ProfileRules.Current.ServicePortName("kys", "my-nginx", ""), Is.EqualTo("kys/my-nginx"));
        Assert.That(ProfileRules.Current.ServicePortName("kys", "dnsutils-ds", "http"), Is.EqualTo("kys/dnsutils-ds:http"));
        Assert.That(ProfileRules.For(KubeProxyProfile.V1_12), Is.SameAs(ProfileRules.V1_12));
    }

    [Test]
    public void Ipv6_endpoints_are_bracketed()
    {
        Assert.That(Endpoints.JoinHostPort(NatDsl.Model.IpAddress.Parse("fd00:10:180::1"), 80), Is.EqualTo("[fd00:10:180::1]:80"));
        Assert.That(Endpoints.JoinHostPort(NatDsl.Model.IpAddress.Parse("10.180.0.1"), 80), Is.EqualTo("10.180.0.1:80"));
    }
}
