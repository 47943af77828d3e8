using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Cli.Kubernetes;
using NatDsl.Dsl;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>
/// kube-proxy's own TestOverallIPTablesRules, from Services and EndpointSlices: the compiled rules
/// equal those of the same cluster declared in the DSL, and the chains match kube-proxy's
/// expected dump (TestData/kube-proxy/TestOverallIPTablesRules.rules).
/// </summary>
public class KubeProxyGoldenTests
{
    /// <summary>kube-proxy's NewFakeProxier as flags.</summary>
    private static readonly KubeProxyFlags FakeProxier = new KubeProxyFlags
    {
        HostnameOverride = "test-node",
        NodeIPs = new[] { "192.168.0.2", "192.168.1.2", "192.168.99.11" },
        ClusterCidr = "10.0.0.0/8",
        RandomFully = false,
        ServiceNodePortRange = "3000-32767",
    };

    private static BuiltClusterSpec Built => KubernetesSpecBuilder.Build(
        KubernetesInput.Read(TestFiles.Read("kubernetes", "TestOverallIPTablesRules.yaml"), "TestOverallIPTablesRules.yaml"), FakeProxier);

    /// <summary>The same cluster in the DSL, as the compiler's tests declare it.</summary>
    private static ClusterSpec Declared => ClusterSpec.Build(cluster => cluster
        .KubeProxy(KubeProxyProfile.Current)
        .NodeName("test-node")
        .NodeIP("192.168.0.2")
        .NodeIP("192.168.1.2")
        .NodeIP("192.168.99.11")
        .ClusterCidr("10.0.0.0/8")
        .RandomFully(false)
        .NodePortRange(3000, 32767)
        .Service("ns1/svc1", svc => svc.ClusterIP("172.30.0.41").Port("p80", 80, Protocol.Tcp).Endpoints(80, "10.180.0.1"))
        .Service("ns2/svc2", svc => svc
            .Type(ServiceType.LoadBalancer).ExternalTrafficPolicy(TrafficPolicy.Local).ClusterIP("172.30.0.42")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3001).LoadBalancerIngress("1.2.3.4").ExternalIPs("192.168.99.22")
            .HealthCheckNodePort(30000).Endpoints(80, "10.180.0.2"))
        .Service("ns3/svc3", svc => svc.Type(ServiceType.NodePort).ClusterIP("172.30.0.43").Port("p80", 80, Protocol.Tcp, nodePort: 3003).Endpoints(80, "10.180.0.3"))
        .Service("ns4/svc4", svc => svc
            .Type(ServiceType.NodePort).ClusterIP("172.30.0.44").ExternalIPs("192.168.99.33").Port("p80", 80, Protocol.Tcp, targetPort: 80)
            .Endpoints(80, "10.180.0.4").Endpoint("10.180.0.5", e => e.Port("p80", 80).Node("test-node")))
        .Service("ns5/svc5", svc => svc
            .Type(ServiceType.LoadBalancer).ExternalTrafficPolicy(TrafficPolicy.Cluster).ClusterIP("172.30.0.45")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3002).LoadBalancerIngress("5.6.7.8").HealthCheckNodePort(30000)
            .LoadBalancerSourceRanges(" 203.0.113.0/25").SessionAffinity(SessionAffinity.ClientIP, timeoutSeconds: 10800).Endpoints(80, "10.180.0.3"))
        .Service("ns6/svc6", svc => svc.Type(ServiceType.ClusterIP).ClusterIP("172.30.0.46").Port("p80", 80, Protocol.Tcp, targetPort: 80)));

    [Test]
    public void Nothing_is_skipped()
    {
        Assert.That(Built.Skipped, Is.Empty);
    }

    [Test]
    public void Rules_equal_those_of_the_declared_cluster()
    {
        var fromKubernetes = KubeProxyCompiler.Compile(Built.Spec);
        Assert.That(fromKubernetes, Is.EqualTo(KubeProxyCompiler.Compile(Declared)));
    }

    [Test]
    public void Chains_and_rule_counts_match_kube_proxys_expected_dump()
    {
        var expected = ExpectedChains(TestFiles.Read("kube-proxy", "TestOverallIPTablesRules.rules"));
        var rules = KubeProxyCompiler.Compile(Built.Spec);
        foreach (var table in new[] { "filter", "nat" })
        {
            var actual = rules.FindTable(table)!.Chains.ToDictionary(c => c.Name, c => c.Rules.Count);
            Assert.That(actual.Keys.OrderBy(k => k, StringComparer.Ordinal), Is.EqualTo(expected[table].Keys.OrderBy(k => k, StringComparer.Ordinal)), table + " chains");
            foreach (var chain in expected[table]) Assert.That(actual[chain.Key], Is.EqualTo(chain.Value), table + "/" + chain.Key + " rule count");
        }
    }

    /// <summary>Per table, the declared chains of an iptables-restore golden and how many rules each has.</summary>
    private static Dictionary<string, Dictionary<string, int>> ExpectedChains(string golden)
    {
        var tables = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        Dictionary<string, int>? current = null;
        foreach (var line in golden.Split('\n'))
        {
            if (line.StartsWith("*", StringComparison.Ordinal)) tables[line.Substring(1)] = current = new Dictionary<string, int>(StringComparer.Ordinal);
            else if (line.StartsWith(":", StringComparison.Ordinal)) current![line.Substring(1, line.IndexOf(' ') - 1)] = 0;
            else if (line.StartsWith("-A ", StringComparison.Ordinal)) current![line.Split(' ')[1]]++;
        }
        return tables;
    }
}
