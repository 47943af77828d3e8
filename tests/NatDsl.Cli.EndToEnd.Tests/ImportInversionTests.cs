using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Cli.Generation;
using NatDsl.Cli.Import;
using NatDsl.Dsl;
using NatDsl.Formats.Listing;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>
/// In-process: the import inverts the compiler. For clusters using every feature of both
/// profiles, the rules compiled from a spec are imported, and the recovered declaration compiles
/// to the same rules again (self-contained tables, kube-proxy's restore content, and the nat
/// listing in each form).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class ImportInversionTests
{
    public static IEnumerable<TestCaseData> Clusters()
    {
        yield return new TestCaseData(new Action<ClusterBuilder>(LegacyFeatures), KubeProxyProfile.V1_12).SetName("V1_12 features");
        yield return new TestCaseData(new Action<ClusterBuilder>(CurrentFeatures), KubeProxyProfile.Current).SetName("Current features");
        yield return new TestCaseData(new Action<ClusterBuilder>(CurrentNodeAddresses), KubeProxyProfile.Current).SetName("Current node port addresses and node IP");
        yield return new TestCaseData(new Action<ClusterBuilder>(CurrentIPv6), KubeProxyProfile.Current).SetName("Current IPv6");
        yield return new TestCaseData(new Action<ClusterBuilder>(LegacyMasqueradeAll), KubeProxyProfile.V1_12).SetName("V1_12 masquerade-all, bit 15, no kubelet");
    }

    [TestCaseSource(nameof(Clusters))]
    public void Self_contained_tables_import_exactly(Action<ClusterBuilder> define, KubeProxyProfile profile)
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(define), new CompileOptions { SelfContained = true });
        AssertExactImport(new LoadedDump(rules, null), profile);
    }

    [TestCaseSource(nameof(Clusters))]
    public void Restore_content_imports_exactly(Action<ClusterBuilder> define, KubeProxyProfile profile)
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(define));
        AssertExactImport(new LoadedDump(rules, null), profile);
    }

    [TestCaseSource(nameof(Clusters))]
    public void Nat_listings_import_exactly(Action<ClusterBuilder> define, KubeProxyProfile profile)
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(define), new CompileOptions { SelfContained = true });
        foreach (var form in new[] { ListingForm.Numeric, ListingForm.VerboseNumeric, ListingForm.VerboseExact })
        {
            var listing = ListingParser.Parse(ListingRenderer.Render(rules, "nat", form with { Family = rules.Family }), "nat.listing");
            AssertExactImport(new LoadedDump(listing.RuleSet, listing.Form), profile);
        }
    }

    [TestCaseSource(nameof(Clusters))]
    public void Written_csharp_compiles_with_the_generator_to_the_same_rules(Action<ClusterBuilder> define, KubeProxyProfile profile)
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(define), new CompileOptions { SelfContained = true });
        var cluster = DumpImporter.Import(new LoadedDump(rules, null), null);
        var source = DslWriter.Write(cluster, "Imported.Cluster", Array.Empty<string>());

        var compilation = DslCompiler.Compile(new DslSources("Imported.cs", new[] { new DslSourceFile("Imported.cs", source) }, string.Empty, false, true));
        Assert.That(compilation.Diagnostics, Is.Empty, () => string.Join("\n", compilation.Diagnostics.Select(DiagnosticPrinter.Format)) + "\n" + source);
        using var loaded = LoadedRuleSets.Load(compilation.Output);
        var spec = loaded.Spec(compilation.Classes.Single());

        Assert.That(spec.Settings.Profile, Is.EqualTo(profile));
        Assert.That(KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true }), Is.EqualTo(rules), source);
    }

    [Test]
    public void Profile_is_detected_from_fingerprints()
    {
        var legacy = ProfileDetector.Detect(KubeProxyCompiler.Compile(ClusterSpec.Build(LegacyFeatures)));
        var current = ProfileDetector.Detect(KubeProxyCompiler.Compile(ClusterSpec.Build(CurrentFeatures)));
        var empty = ProfileDetector.Detect(new RuleSet(IpFamily.V4));

        Assert.That(legacy.Profile, Is.EqualTo(KubeProxyProfile.V1_12));
        Assert.That(legacy.Conflicting, Is.False);
        Assert.That(legacy.Evidence, Has.Some.Contains("written with %0.5f"));
        Assert.That(current.Profile, Is.EqualTo(KubeProxyProfile.Current));
        Assert.That(current.Evidence, Has.Some.Contains("KUBE-SVL chain"));
        Assert.That(empty.Profile, Is.EqualTo(KubeProxyProfile.Current));
        Assert.That(empty.Evidence.Single(), Does.Contain("no fingerprint"));
    }

    [Test]
    public void Written_dsl_declares_what_the_factory_builds()
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(CurrentFeatures), new CompileOptions { SelfContained = true });
        var cluster = DumpImporter.Import(new LoadedDump(rules, null), null);
        var text = DslWriter.Write(cluster, "Features", Array.Empty<string>());

        Assert.That(text, Does.Contain(".NodeName(\"local-node\")"));
        Assert.That(text, Does.Contain(".Endpoint(\"10.244.1.3\", e => e.Port(\"http\", 8080).Port(\"metrics\", 9090).Node(\"local-node\"))"));
        Assert.That(text, Does.Contain(".InternalTrafficPolicy(TrafficPolicy.Local)"));
        Assert.That(text, Does.Contain(".NonMasqueradeCidrs(\"10.0.0.0/8\", \"172.16.0.0/12\")"));
        Assert.That(text, Does.Contain(".LoadBalancerSourceRanges(\"198.51.100.0/24\")"));
        Assert.That(text, Does.Contain("// - Node names are not in the rules"));
    }

    [Test]
    public void Service_order_follows_the_chains_when_they_agree()
    {
        var (order, consistent) = OrderMerge.Merge(new[]
        {
            (IReadOnlyList<string>)new[] { "a", "c", "d" },
            new[] { "b", "c" },
            new[] { "c", "e" },
        });
        var (_, contradicting) = OrderMerge.Merge(new[] { (IReadOnlyList<string>)new[] { "a", "b" }, new[] { "b", "a" } });

        Assert.That(order, Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        Assert.That(consistent, Is.True);
        Assert.That(contradicting, Is.False);
    }

    private static void AssertExactImport(LoadedDump dump, KubeProxyProfile profile)
    {
        var cluster = DumpImporter.Import(dump, null);
        var check = ImportRoundTrip.Check(cluster, dump);

        Assert.That(cluster.Profile, Is.EqualTo(profile), string.Join("; ", cluster.ProfileEvidence));
        Assert.That(check.Exact, Is.True, check.Summary + "\n" + DslWriter.Write(cluster, "Imported", Array.Empty<string>()));
    }

    private static void LegacyFeatures(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.V1_12)
        .NodeName("node-a")
        .ClusterCidr("10.244.0.0/16")
        .RandomFully(false)
        .Service("default/web", svc => svc
            .ClusterIP("10.96.0.10")
            .Port("http", 80, Protocol.Tcp)
            .Port("metrics", 9090, Protocol.Tcp)
            .Endpoints(8080, "10.244.1.5", "10.244.2.6", "10.244.3.7"))
        .Service("default/plain", svc => svc
            .ClusterIP("10.96.0.11")
            .Port(8443, Protocol.Tcp)
            .SessionAffinity(SessionAffinity.ClientIP, 600)
            .Endpoints(443, "10.244.1.9", "10.244.2.9"))
        .Service("default/ext", svc => svc
            .ClusterIP("10.96.0.12")
            .Port("dns", 53, Protocol.Udp)
            .ExternalIPs("192.0.2.10", "192.0.2.11")
            .Endpoints(5353, "10.244.1.4"))
        .Service("default/lb", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("10.96.0.13")
            .Port("https", 443, Protocol.Tcp, nodePort: 31443)
            .LoadBalancerIngress("203.0.113.5")
            .LoadBalancerSourceRanges("198.51.100.0/24", "203.0.113.0/25")
            .ExternalTrafficPolicy(TrafficPolicy.Local)
            .Endpoint("10.244.1.6", e => e.Port("https", 8443).Node("node-a"))
            .Endpoint("10.244.2.6", e => e.Port("https", 8443).Node("node-b")))
        .Service("default/nodeport", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("10.96.0.14")
            .Port("http", 80, Protocol.Tcp, nodePort: 30080)
            .Port("sctp", 9999, Protocol.Sctp, nodePort: 30099)
            .Endpoints(80, "10.244.1.7"))
        .Service("default/empty", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("10.96.0.15")
            .Port("http", 80, Protocol.Tcp, nodePort: 30081)
            .ExternalIPs("192.0.2.20")
            .LoadBalancerIngress("203.0.113.6"))
        .Masquerade(m => m.PodNetwork("10.244.0.0/16").NodeSubnet("10.244.1.0/24"));

    private static void LegacyMasqueradeAll(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.V1_12)
        .MasqueradeAll()
        .MasqueradeBit(15)
        .KubeletChains(false)
        .Service("kube-system/dns", svc => svc
            .ClusterIP("10.96.0.10")
            .Port("dns", 53, Protocol.Udp)
            .Port("dns-tcp", 53, Protocol.Tcp)
            .Endpoints(53, "10.244.0.2", "10.244.0.3"))
        .Masquerade(m => m.PodNetwork("10.244.0.0/16"));

    private static void CurrentFeatures(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.Current)
        .NodeName("node-a")
        .ClusterCidr("10.244.0.0/16")
        .Service("default/web", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("10.96.0.10")
            .Port("http", 80, Protocol.Tcp, nodePort: 30080)
            .Port("metrics", 9090, Protocol.Tcp)
            .ExternalTrafficPolicy(TrafficPolicy.Local)
            .Endpoint("10.244.1.3", e => e.Port("http", 8080).Port("metrics", 9090).Node("node-a"))
            .Endpoint("10.244.2.3", e => e.Port("http", 8080).Port("metrics", 9090).Node("node-b")))
        .Service("default/internal", svc => svc
            .ClusterIP("10.96.0.11")
            .Port("grpc", 9000, Protocol.Tcp)
            .InternalTrafficPolicy(TrafficPolicy.Local)
            .Endpoint("10.244.1.8", e => e.Port("grpc", 9000).Node("node-a")))
        .Service("default/sticky", svc => svc
            .ClusterIP("10.96.0.12")
            .Port(8443, Protocol.Tcp)
            .SessionAffinity(SessionAffinity.ClientIP, 300)
            .Endpoints(443, "10.244.1.9", "10.244.2.9", "10.244.3.9"))
        .Service("default/lb", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("10.96.0.13")
            .Port("https", 443, Protocol.Tcp, nodePort: 31443)
            .ExternalIPs("192.0.2.10")
            .LoadBalancerIngress("203.0.113.5")
            .LoadBalancerSourceRanges("198.51.100.0/24")
            .Endpoints(8443, "10.244.2.6"))
        .Service("default/local-lb", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("10.96.0.14")
            .Port("http", 80, Protocol.Tcp, nodePort: 30081)
            .LoadBalancerIngress("203.0.113.6")
            .ExternalTrafficPolicy(TrafficPolicy.Local)
            .HealthCheckNodePort(32000)
            .Endpoints(80, "10.244.2.7"))
        .Service("default/empty", svc => svc
            .ClusterIP("10.96.0.15")
            .Port("http", 80, Protocol.Udp))
        .NonMasqueradeCidrs("10.0.0.0/8", "172.16.0.0/12");

    private static void CurrentNodeAddresses(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.Current)
        .NodeIP("192.0.2.1")
        .NodeIP("198.51.100.7")
        .NodePortAddresses("192.0.2.1/32", "198.51.100.7/32")
        .ClusterCidr("10.244.0.0/16")
        .Nfacct(false)
        .ConntrackTcpBeLiberal()
        .Service("default/lb", svc => svc
            .Type(ServiceType.LoadBalancer)
            .ClusterIP("10.96.0.13")
            .Port("https", 443, Protocol.Tcp, nodePort: 31443)
            .LoadBalancerIngress("203.0.113.5")
            .LoadBalancerSourceRanges("192.0.2.0/24")
            .Endpoints(8443, "10.244.2.6"));

    private static void CurrentIPv6(ClusterBuilder cluster) => cluster
        .KubeProxy(KubeProxyProfile.Current)
        .IPFamily(IpFamily.V6)
        .ClusterCidr("fd00:10::/64")
        .LocalhostNodePorts(false)
        .Service("default/web", svc => svc
            .Type(ServiceType.NodePort)
            .ClusterIP("fd00:96::10")
            .Port("http", 80, Protocol.Tcp, nodePort: 30080)
            .Endpoints(8080, "fd00:10::5", "fd00:10::6"));
}
