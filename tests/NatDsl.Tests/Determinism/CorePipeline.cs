using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NatDsl.Analysis.Diff;
using NatDsl.Analysis.Explain;
using NatDsl.Analysis.Trace;
using NatDsl.Dsl;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Tests.Determinism;

/// <summary>
/// The core pipeline end to end, as one text: compile the seed and a few specs (both profiles,
/// both families, every service type), render save (with a header at a fixed time), -S and
/// listings in several forms; parse every vector (save, -S, listing) and render it back; diff,
/// explain and trace. The determinism tests compare this text across cultures and time zones;
/// fuzz/compare-configurations.sh compares it across Debug and Release builds.
/// </summary>
public static class CorePipeline
{
    /// <summary>The fixed time of the save header (a parameter of the renderer, never the clock).</summary>
    public static readonly DateTime HeaderTime = new DateTime(2026, 11, 5, 7, 4, 9, DateTimeKind.Unspecified);

    /// <summary>Runs everything; <paramref name="testDataRoot"/> is the TestData folder.</summary>
    public static string Run(string testDataRoot)
    {
        var sb = new StringBuilder();
        var specs = Specs();
        RuleSet? seed = null;
        foreach (var (name, define) in specs)
        {
            var spec = ClusterSpec.Build(define);
            foreach (var selfContained in new[] { false, true })
            {
                var rules = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = selfContained });
                if (name == "seed" && selfContained) seed = rules;
                Section(sb, "compile " + name + (selfContained ? " self-contained" : " restore"));
                var program = rules.Family == IpFamily.V6 ? "ip6tables-save v1.8.9" : "iptables-save v1.8.9";
                sb.Append(SaveRenderer.Render(rules, new SaveRenderOptions { Header = new SaveHeader(program, HeaderTime), RuleCounters = true }));
                foreach (var table in rules.Tables)
                {
                    sb.Append(RulesRenderer.Render(table, new RulesRenderOptions { Counters = true }));
                    foreach (var form in Forms(rules.Family)) sb.Append(form).Append('\n').Append(ListingRenderer.Render(table, form));
                }
            }
            Section(sb, "explain " + name);
            sb.Append(CanonicalText.Of(ServiceExplainer.Explain(KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true })))).Append('\n');
        }

        foreach (var path in Directory.GetFiles(Path.Combine(testDataRoot, "vectors", "out")).OrderBy(p => p, StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var text = File.ReadAllText(path, new UTF8Encoding(false));
            var family = file.StartsWith("v5-", StringComparison.Ordinal) ? IpFamily.V6 : IpFamily.V4;
            Section(sb, "parse " + file);
            if (file.Contains(".save-", StringComparison.Ordinal))
            {
                var document = SaveParser.Parse(text, file);
                sb.Append(SaveRenderer.Render(document)).Append(CanonicalText.Of(document.RuleSet)).Append('\n');
            }
            else if (file.Contains(".S-", StringComparison.Ordinal))
            {
                var document = RulesParser.Parse(text, file.EndsWith("-filter.txt", StringComparison.Ordinal) ? "filter" : "nat", file, new SaveParseOptions { Family = family });
                sb.Append(RulesRenderer.Render(document)).Append(CanonicalText.Of(document.Table)).Append('\n');
            }
            else if (file.Contains(".L-", StringComparison.Ordinal))
            {
                var document = ListingParser.Parse(text, file);
                sb.Append(ListingRenderer.Render(document)).Append(document.Form).Append('\n').Append(CanonicalText.Of(document.RuleSet)).Append('\n');
            }
        }

        var seedListing = ListingParser.Parse(File.ReadAllText(Path.Combine(testDataRoot, "golden", "seed.listing.txt"), new UTF8Encoding(false)), "seed");
        Section(sb, "diff seed");
        var seedForm = seedListing.Form;
        var mappedSeed = ListingEquivalence.Map(seed!, seedForm);
        var same = RuleSetDiff.Compare(mappedSeed with { Tables = new[] { mappedSeed.FindTable("nat")! }.ToValueList() }, ListingEquivalence.Map(seedListing.RuleSet, seedForm), DiffOptions.KubeProxyTests);
        sb.Append(DiffReport.Render(same, SaveRenderer.RenderRule)).Append('\n').Append(CanonicalText.Of(same)).Append('\n');
        var v1 = SaveParser.ParseRuleSet(File.ReadAllText(Path.Combine(testDataRoot, "vectors", "v1-seed-nat.rules"), new UTF8Encoding(false)), "v1");
        var v3 = SaveParser.ParseRuleSet(File.ReadAllText(Path.Combine(testDataRoot, "vectors", "v3-counters.rules"), new UTF8Encoding(false)), "v3");
        foreach (var options in new[] { DiffOptions.Default, DiffOptions.KubeProxyTests, new DiffOptions { IgnoreCounters = true, IgnoreChainOrder = false } })
        {
            var different = RuleSetDiff.Compare(v1, seed!, options);
            sb.Append(DiffReport.Render(different, SaveRenderer.RenderRule)).Append('\n').Append(CanonicalText.Of(different)).Append('\n');
            var counters = RuleSetDiff.Compare(v3, v3 with { Tables = v3.Tables.Select(t => t with { Chains = t.Chains.Select(c => c with { Rules = c.Rules.Select(r => r.WithCounters(Counters.Of(1, 1))).ToValueList() }).ToValueList() }).ToValueList() }, options);
            sb.Append(DiffReport.Render(counters, SaveRenderer.RenderRule)).Append('\n');
        }

        Section(sb, "trace seed");
        foreach (var packet in Packets())
        {
            sb.Append(CanonicalText.Of(PacketTracer.Trace(seed!, packet, new TraceOptions { LocalAddresses = new[] { IpAddress.Parse("10.254.98.1"), IpAddress.Parse("192.168.1.151") }.ToValueList() }))).Append('\n');
        }
        Section(sb, "explain seed listing");
        sb.Append(CanonicalText.Of(ServiceExplainer.Explain(seedListing.RuleSet))).Append('\n');
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title) => sb.Append("==== ").Append(title).Append('\n');

    private static IEnumerable<ListingForm> Forms(IpFamily family) => new[]
    {
        new ListingForm { Family = family },
        new ListingForm { Family = family, Verbose = true },
        new ListingForm { Family = family, Verbose = true, Exact = true, LineNumbers = true, Dialect = ListingDialect.Numbers },
        new ListingForm { Family = family, Verbose = true, NamesRelease = ListingNamesRelease.From1_8_11 },
    };

    private static IEnumerable<Packet> Packets()
    {
        var client = IpAddress.Parse("10.254.28.99");
        yield return new Packet { Source = client, Destination = IpAddress.Parse("10.254.82.218"), DestinationPort = 8088 };
        yield return new Packet { Source = IpAddress.Parse("203.0.113.9"), Destination = IpAddress.Parse("192.168.1.151"), DestinationPort = 34573 };
        yield return new Packet { Source = client, Destination = IpAddress.Parse("10.254.0.10"), DestinationPort = 53, Protocol = 17 };
        yield return new Packet { Source = client, Destination = IpAddress.Parse("10.254.8.203"), DestinationPort = 80 };
    }

    /// <summary>The seed and specs that use the rest of the DSL.</summary>
    public static IReadOnlyList<(string Name, Action<ClusterBuilder> Define)> Specs() => new (string, Action<ClusterBuilder>)[]
    {
        ("seed", c => c
            .KubeProxy(KubeProxyProfile.V1_12).ClusterCidr("10.254.0.0/16").NodePortRange(30000, 35000).RandomFully(false)
            .Service("kys/my-nginx", s => s.ClusterIP("10.254.8.203").Port(80, Protocol.Tcp).Endpoints(80, "10.254.98.2", "10.254.28.3"))
            .Service("kys/dnsutils-ds", s => s.Type(ServiceType.NodePort).ClusterIP("10.254.212.225").Port("http", 80, Protocol.Tcp, nodePort: 34573).Endpoints(80, "10.254.28.4", "10.254.98.3"))
            .Service("kys/service-test", s => s.ClusterIP("10.254.82.218").Port(8088, Protocol.Tcp, targetPort: 8080).Endpoints(8080, "10.254.98.5", "10.254.28.6", "10.254.98.4", "10.254.28.7"))
            .Service("default/kubernetes", s => s.ClusterIP("10.254.0.1").Port("https", 443, Protocol.Tcp, targetPort: 6443).Endpoints(6443, "192.168.1.150"))
            .Service("kube-system/kube-dns", s => s.ClusterIP("10.254.0.10").Port("dns", 53, Protocol.Udp).Port("dns-tcp", 53, Protocol.Tcp).Endpoints(53, "10.254.28.2"))
            .Masquerade(m => m.PodNetwork("10.254.0.0/16").NodeSubnet("10.254.98.0/24"))),
        ("current-v4", c => c
            .KubeProxy(KubeProxyProfile.Current).NodeName("node-a").NodeIP("192.168.1.10").ClusterCidr("10.244.0.0/16").NodePortAddresses("192.168.1.0/24")
            .NonMasqueradeCidrs("10.0.0.0/8")
            .Service("shop/web", s => s.Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.20").ExternalTrafficPolicy(TrafficPolicy.Local).HealthCheckNodePort(32000)
                .SessionAffinity(SessionAffinity.ClientIP, 600).Port("http", 80, Protocol.Tcp, nodePort: 30080).Port("dns", 53, Protocol.Udp, nodePort: 30053)
                .ExternalIPs("203.0.113.5").LoadBalancerIngress("192.0.2.7").LoadBalancerIngress("192.0.2.8", LoadBalancerIPMode.Proxy).LoadBalancerSourceRanges("198.51.100.0/24")
                .Endpoint("10.244.1.2", e => e.Port("http", 8080).Port("dns", 5353).Node("node-a"))
                .Endpoint("10.244.2.3", e => e.Port("http", 8080).Ready(false).Terminating().Node("node-b"))
                .Endpoint("10.244.3.4", e => e.Port("http", 8080).Node("node-c")))
            .Service("shop/db", s => s.ClusterIP("10.96.0.21").InternalTrafficPolicy(TrafficPolicy.Local).Port(5432, Protocol.Sctp))),
        ("current-v6", c => c
            .KubeProxy(KubeProxyProfile.Current).IPFamily(IpFamily.V6).NodeName("node-a").NodeIP("fd00:1::10").ClusterCidr("fd00:244::/48")
            .Service("shop/web", s => s.Type(ServiceType.NodePort).ClusterIP("fd00:96::20").Port("http", 80, Protocol.Tcp, nodePort: 30080)
                .Endpoints(8080, "fd00:244::2", "fd00:244::3", "fd00:244::4"))),
        ("v1-12-local", c => c
            .KubeProxy(KubeProxyProfile.V1_12).NodeName("node-a").ClusterCidr("10.244.0.0/16").MasqueradeAll().MasqueradeBit(13)
            .Service("ns/lb", s => s.Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.30").ExternalTrafficPolicy(TrafficPolicy.Local)
                .Port(443, Protocol.Tcp, nodePort: 30443).LoadBalancerIngress("192.0.2.9").SessionAffinity(SessionAffinity.ClientIP)
                .Endpoint("10.244.1.9", e => e.Port(8443).Node("node-a")).Endpoint("10.244.2.9", e => e.Port(8443).Node("node-b")))),
    };
}
