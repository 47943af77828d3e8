using System;
using System.Linq;
using NatDsl.Cli.Kubernetes;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>The fixture cluster compiled for node-a with both profiles: the chains kube-proxy would write.</summary>
public class KubernetesCompileTests
{
    private static RuleSet Compile(string profile, string family = "4") =>
        KubeProxyCompiler.Compile(ClusterFixture.Build(ClusterFixture.ListYaml, ClusterFixture.NodeA(profile, family)).Spec);

    private static Table Nat(RuleSet rules) => rules.FindTable("nat")!;

    private static string[] Chains(Table table, string prefix) =>
        table.Chains.Select(c => c.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    private static string Svc(string portName, string protocol = "tcp") => ChainHashing.ServiceChain(portName, protocol);

    private static string Sep(string portName, string endpoint, string protocol = "tcp") => ChainHashing.EndpointChain(portName, protocol, endpoint);

    private static Rule[] RulesWithComment(Table table, string chain, string comment) =>
        table.FindChain(chain)!.Rules.Where(r => r.Matches.OfType<CommentMatch>().Any(c => c.Text == comment)).ToArray();

    [Test]
    public void Current_profile_has_a_service_chain_per_used_port_and_endpoint_chains_for_usable_endpoints()
    {
        var nat = Nat(Compile("current"));
        Assert.That(Chains(nat, "KUBE-SEP-").Length, Is.EqualTo(19));
        Assert.That(nat.FindChain(Svc("shop/frontend:http")), Is.Not.Null);
        Assert.That(nat.FindChain(Svc("kube-system/kube-dns:dns", "udp")), Is.Not.Null);
        Assert.That(nat.FindChain(Svc("shop/cart")), Is.Not.Null, "an unnamed port has no colon in the current profile");
        // Ready endpoints exist, so the not-ready and the terminating frontend pods get no chain.
        Assert.That(nat.FindChain(Sep("shop/frontend:http", "10.244.1.10:8080")), Is.Not.Null);
        Assert.That(nat.FindChain(Sep("shop/frontend:http", "10.244.2.11:8080")), Is.Null);
        Assert.That(nat.FindChain(Sep("shop/frontend:http", "10.244.1.11:8080")), Is.Null);
        Assert.That(RulesWithComment(nat, "KUBE-SERVICES", "shop/frontend:http external IP").Single().Destination!.Value,
            Is.EqualTo(IpNetwork.Parse("192.168.10.100/32")));
    }

    [Test]
    public void Current_profile_applies_traffic_policies_and_firewall()
    {
        var rules = Compile("current");
        var nat = Nat(rules);
        // internalTrafficPolicy Local: only node-a's exporter, through KUBE-SVL.
        Assert.That(nat.FindChain(ChainHashing.LocalServiceChain("monitoring/node-exporter:metrics", "tcp")), Is.Not.Null);
        Assert.That(nat.FindChain(Svc("monitoring/node-exporter:metrics")), Is.Null);
        Assert.That(nat.FindChain(Sep("monitoring/node-exporter:metrics", "192.168.10.12:9100")), Is.Null);
        // externalTrafficPolicy Local: KUBE-EXT and a health-check ACCEPT in filter KUBE-NODEPORTS.
        Assert.That(nat.FindChain(ChainHashing.ExternalChain("ingress-nginx/ingress-nginx-controller:http", "tcp")), Is.Not.Null);
        Assert.That(RulesWithComment(rules.FindTable("filter")!, "KUBE-NODEPORTS", "ingress-nginx/ingress-nginx-controller:http health check node port").Length, Is.EqualTo(1));
        // Source ranges on a load balancer: a KUBE-FW chain with one rule per range, then the drop notice.
        var fw = nat.FindChain(ChainHashing.FirewallChain("shop/gateway:https", "tcp"))!;
        Assert.That(fw.Rules.Select(r => r.Source?.Value).ToArray(), Is.EqualTo(new IpNetwork?[] { IpNetwork.Parse("203.0.113.0/24"), IpNetwork.Parse("198.51.100.0/25"), null }));
    }

    [Test]
    public void Client_ip_affinity_uses_the_timeout_from_the_service()
    {
        var nat = Nat(Compile("current"));
        var recent = nat.FindChain(Svc("shop/cart"))!.Rules.SelectMany(r => r.Matches.OfType<RecentMatch>()).ToArray();
        Assert.That(recent.Length, Is.EqualTo(2));
        Assert.That(recent.All(m => m.Seconds == 3600), Is.True);
    }

    [Test]
    public void V1_12_profile_uses_xlb_chains_colon_names_and_only_ready_endpoints()
    {
        var nat = Nat(Compile("v1.12"));
        Assert.That(Chains(nat, "KUBE-SEP-").Length, Is.EqualTo(20));
        Assert.That(Chains(nat, "KUBE-EXT-"), Is.Empty);
        Assert.That(nat.FindChain(ChainHashing.ExternalLocalChain("ingress-nginx/ingress-nginx-controller:http", "tcp")), Is.Not.Null);
        Assert.That(nat.FindChain(Svc("shop/cart:")), Is.Not.Null, "an unnamed port keeps the colon before v1.19");
        Assert.That(nat.FindChain(Svc("shop/cart")), Is.Null);
        // No internalTrafficPolicy then: both exporters are used.
        Assert.That(nat.FindChain(Sep("monitoring/node-exporter:metrics", "192.168.10.12:9100")), Is.Not.Null);
        Assert.That(nat.FindChain(Sep("shop/frontend:https", "10.244.1.11:8443")), Is.Null);
    }

    [Test]
    public void Ipv6_proxier_compiles_the_dual_stack_service_only()
    {
        var rules = Compile("current", "6");
        Assert.That(rules.Family, Is.EqualTo(IpFamily.V6));
        var nat = Nat(rules);
        Assert.That(Chains(nat, "KUBE-SVC-"), Is.EqualTo(new[] { Svc("shop/api:http") }));
        Assert.That(Chains(nat, "KUBE-SEP-"), Is.EqualTo(new[] { Sep("shop/api:http", "[fd00:244:1::1e]:8080") }));
    }

    [TestCaseSource(typeof(ClusterFixture), nameof(ClusterFixture.Forms))]
    public void Every_form_compiles_to_the_same_rules(string file)
    {
        var rules = KubeProxyCompiler.Compile(ClusterFixture.Build(file, ClusterFixture.NodeA()).Spec, new CompileOptions { SelfContained = true });
        Assert.That(rules, Is.EqualTo(KubeProxyCompiler.Compile(ClusterFixture.Build(ClusterFixture.ListYaml, ClusterFixture.NodeA()).Spec, new CompileOptions { SelfContained = true })));
    }
}
