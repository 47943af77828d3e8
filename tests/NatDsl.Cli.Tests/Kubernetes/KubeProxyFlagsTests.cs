using NatDsl.Cli.Kubernetes;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;
using static NatDsl.Cli.Tests.Kubernetes.SpecExpect;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>kube-proxy's flags, their defaults and their errors.</summary>
public class KubeProxyFlagsTests
{
    [Test]
    public void Defaults_are_kube_proxy_defaults()
    {
        var settings = new KubeProxyFlags().ToSettings();
        Assert.That(settings, Is.EqualTo(new ProxierSettings()));
        Assert.That(settings.MasqueradeBit, Is.EqualTo(14));
        Assert.That(settings.LocalhostNodePorts, Is.True);
        Assert.That(settings.RandomFully, Is.True);
        Assert.That(settings.Nfacct, Is.True);
        Assert.That(settings.ConntrackTcpBeLiberal, Is.False);
        Assert.That(settings.Profile, Is.EqualTo(KubeProxyProfile.Current));
        Assert.That(settings.Family, Is.EqualTo(IpFamily.V4));
        Assert.That(settings.NodeName, Is.Null);
    }

    [Test]
    public void Every_flag_reaches_the_settings()
    {
        var settings = new KubeProxyFlags
        {
            Profile = "V1.12",
            HostnameOverride = "  Worker-7 ",
            NodeIPs = new[] { "fd00::7,10.0.0.7", "10.0.1.7" },
            ClusterCidr = "10.244.0.0/16",
            MasqueradeAll = true,
            MasqueradeBit = 15,
            NodePortAddresses = new[] { "10.0.0.0/24, primary" },
            LocalhostNodePorts = false,
            RandomFully = false,
            ConntrackTcpBeLiberal = true,
            Nfacct = false,
            ServiceNodePortRange = "20000-22767",
        }.ToSettings();
        Assert.That(settings, Is.EqualTo(new ProxierSettings
        {
            Profile = KubeProxyProfile.V1_12,
            NodeName = "worker-7",
            NodeIPs = Ips("10.0.0.7", "10.0.1.7"),
            ClusterCidr = IpNetwork.Parse("10.244.0.0/16"),
            MasqueradeAll = true,
            MasqueradeBit = 15,
            NodePortAddresses = List(IpNetwork.Parse("10.0.0.0/24"), IpNetwork.Parse("10.0.0.7/32")),
            LocalhostNodePorts = false,
            RandomFully = false,
            ConntrackTcpBeLiberal = true,
            Nfacct = false,
            NodePortRange = new PortRange(20000, 22767),
        }));
        Assert.That(settings.MasqueradeMark, Is.EqualTo(0x8000u));
    }

    [Test]
    public void The_ipv6_proxier_takes_the_ipv6_node_ip_and_cluster_cidr()
    {
        var settings = new KubeProxyFlags { IPFamily = "IPv6", NodeIPs = new[] { "10.0.0.7", "fd00::7" }, ClusterCidr = "10.244.0.0/16,fd00:244::/56", NodePortAddresses = new[] { "primary" } }.ToSettings();
        Assert.That(settings.Family, Is.EqualTo(IpFamily.V6));
        Assert.That(settings.NodeIPs, Is.EqualTo(Ips("fd00::7")));
        Assert.That(settings.ClusterCidr, Is.EqualTo(IpNetwork.Parse("fd00:244::/56")));
        Assert.That(settings.NodePortAddresses, Is.EqualTo(List(IpNetwork.Parse("fd00::7/128"))));
    }

    [TestCase("--profile", "Profile", "v1.20", "is not a profile (current or v1.12)")]
    [TestCase("--ip-family", "IPFamily", "5", "is not an IP family (4 or 6)")]
    [TestCase("--node-ip", "NodeIPs", "10.0.0.256", "is not an IP address")]
    [TestCase("--cluster-cidr", "ClusterCidr", "10.0.0.0", "is not a CIDR (address/prefix)")]
    [TestCase("--nodeport-addresses", "NodePortAddresses", "10.0.0.0/33", "is not a CIDR (address/prefix) or primary")]
    [TestCase("--nodeport-addresses", "NodePortAddresses", "primary", "needs a node IP of the proxier's family (--node-ip)")]
    [TestCase("--service-node-port-range", "ServiceNodePortRange", "32767-30000", "is not a port range (first-last within 1-65535)")]
    [TestCase("--iptables-masquerade-bit", "MasqueradeBit", "32", "is not a bit number 0-31")]
    public void A_bad_value_names_its_flag(string flag, string property, string value, string problem)
    {
        var flags = property switch
        {
            "Profile" => new KubeProxyFlags { Profile = value },
            "IPFamily" => new KubeProxyFlags { IPFamily = value },
            "NodeIPs" => new KubeProxyFlags { NodeIPs = new[] { "10.0.0.1", value } },
            "ClusterCidr" => new KubeProxyFlags { ClusterCidr = value },
            "NodePortAddresses" => new KubeProxyFlags { NodePortAddresses = new[] { value } },
            "ServiceNodePortRange" => new KubeProxyFlags { ServiceNodePortRange = value },
            _ => new KubeProxyFlags { MasqueradeBit = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };
        var e = Assert.Throws<UserInputException>(() => flags.ToSettings());
        Assert.That(e!.Message, Is.EqualTo(flag + ": \"" + value + "\" " + problem));
    }

    [Test]
    public void Flag_names_are_kube_proxy_flag_names()
    {
        Assert.That(new[]
        {
            KubeProxyFlags.HostnameOverrideFlag, KubeProxyFlags.ClusterCidrFlag, KubeProxyFlags.MasqueradeAllFlag, KubeProxyFlags.MasqueradeBitFlag,
            KubeProxyFlags.NodePortAddressesFlag, KubeProxyFlags.LocalhostNodePortsFlag, KubeProxyFlags.ConntrackTcpBeLiberalFlag,
        }, Is.EqualTo(new[]
        {
            "--hostname-override", "--cluster-cidr", "--masquerade-all", "--iptables-masquerade-bit",
            "--nodeport-addresses", "--iptables-localhost-nodeports", "--conntrack-tcp-be-liberal",
        }));
    }

    [Test]
    public void Node_ips_of_the_other_family_are_left_to_the_other_proxier()
    {
        var flags = new KubeProxyFlags { NodeIPs = new[] { "fd00::1" } };
        Assert.That(KubernetesSpecBuilder.Build(KubernetesObjects.Empty, flags).Spec.Settings.NodeIPs, Is.Empty);
        var e = Assert.Throws<UserInputException>(() => KubernetesSpecBuilder.Build(KubernetesObjects.Empty, flags with { NodePortAddresses = new[] { "primary" } }));
        Assert.That(e!.Message, Does.StartWith("--nodeport-addresses"));
    }

    [Test]
    public void Settings_the_spec_validator_rejects_throw()
    {
        var e = Assert.Throws<SpecValidationException>(() => KubernetesSpecBuilder.Build(KubernetesObjects.Empty, new ProxierSettings { MasqueradeBit = 40 }));
        Assert.That(e!.Errors.Count, Is.EqualTo(1));
        Assert.That(e.Errors[0].Field, Is.EqualTo("settings.masqueradeBit"));
    }
}
