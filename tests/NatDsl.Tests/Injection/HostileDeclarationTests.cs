using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Dsl;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Injection;

/// <summary>
/// No declaration can put a rule, chain or table into the script that the spec did not declare:
/// every user-supplied string (service namespace and name, port names, endpoint port names, node
/// names, addresses, CIDRs) is either rejected by the DSL/validator (SpecValidationException) or
/// yields a script that parses back to exactly the compiled model, with the same tables, the same
/// kinds of chains and the same rule counts as the declaration with a benign value in its place.
/// </summary>
[Category("Injection")]
public class HostileDeclarationTests
{
    private static readonly DeclarationPosition[] Positions =
    {
        new DeclarationPosition("namespace", "benign", (c, v) => Cluster(c).Service(v + "/svc", Web)),
        new DeclarationPosition("service name", "benign", (c, v) => Cluster(c).Service("ns/" + v, Web)),
        new DeclarationPosition("namespace/name", "ns/benign", (c, v) => Cluster(c).Service(v, Web)),
        new DeclarationPosition("port name", "benign", (c, v) => Cluster(c).Service("ns/svc", s => s.ClusterIP("10.96.0.10").Type(ServiceType.NodePort)
            .Port(v, 80, Protocol.Tcp, nodePort: 30080).Port("other", 81, Protocol.Tcp)
            .Endpoint("10.244.1.2", e => e.Port(v, 8080).Port("other", 8081)))),
        new DeclarationPosition("endpoint port name", "http", (c, v) => Cluster(c).Service("ns/svc", s => s.ClusterIP("10.96.0.10")
            .Port("http", 80, Protocol.Tcp).Endpoint("10.244.1.2", e => e.Port(v, 8080)))),
        new DeclarationPosition("node name", "node-1", (c, v) => Cluster(c).NodeName(v).Service("ns/svc", s => s.ClusterIP("10.96.0.10")
            .Type(ServiceType.NodePort).ExternalTrafficPolicy(TrafficPolicy.Local).Port(80, Protocol.Tcp, nodePort: 30080)
            .Endpoint("10.244.1.2", e => e.Port(8080).Node(v)).Endpoint("10.244.1.3", e => e.Port(8080).Node("elsewhere")))),
        new DeclarationPosition("cluster IP", "10.96.0.10", (c, v) => Cluster(c).Service("ns/svc", s => s.ClusterIP(v).Port(80, Protocol.Tcp).Endpoints(8080, "10.244.1.2"))),
        new DeclarationPosition("endpoint address", "10.244.1.2", (c, v) => Cluster(c).Service("ns/svc", s => s.ClusterIP("10.96.0.10").Port(80, Protocol.Tcp).Endpoints(8080, v))),
        new DeclarationPosition("external IP", "203.0.113.5", (c, v) => Cluster(c).Service("ns/svc", s => s.ClusterIP("10.96.0.10").Port(80, Protocol.Tcp).ExternalIPs(v).Endpoints(8080, "10.244.1.2"))),
        new DeclarationPosition("load-balancer ingress", "192.0.2.7", (c, v) => Cluster(c).Service("ns/svc", s => s.ClusterIP("10.96.0.10").Type(ServiceType.LoadBalancer)
            .Port(80, Protocol.Tcp, nodePort: 30080).LoadBalancerIngress(v).Endpoints(8080, "10.244.1.2"))),
        new DeclarationPosition("load-balancer source range", "198.51.100.0/24", (c, v) => Cluster(c).Service("ns/svc", s => s.ClusterIP("10.96.0.10").Type(ServiceType.LoadBalancer)
            .Port(80, Protocol.Tcp, nodePort: 30080).LoadBalancerIngress("192.0.2.7").LoadBalancerSourceRanges(v).Endpoints(8080, "10.244.1.2"))),
        new DeclarationPosition("node IP", "192.168.1.5", (c, v) => Cluster(c).NodeIP(v).Service("ns/svc", Web)),
        new DeclarationPosition("cluster CIDR", "10.244.0.0/16", (c, v) => Cluster(c).ClusterCidr(v).Service("ns/svc", Web)),
        new DeclarationPosition("node-port address", "192.168.1.0/24", (c, v) => Cluster(c).NodePortAddresses(v).Service("ns/svc", Web)),
        new DeclarationPosition("non-masquerade CIDR", "10.0.0.0/8", (c, v) => Cluster(c).NonMasqueradeCidrs(v).Service("ns/svc", Web)),
        new DeclarationPosition("pod network", "10.244.0.0/16", (c, v) => Cluster(c).Masquerade(m => m.PodNetwork(v)).Service("ns/svc", Web)),
    };

    /// <summary>Addresses and CIDRs with something around a valid value.</summary>
    private static readonly string[] HostileAddresses =
    {
        "10.96.0.10\n-A INPUT -j DROP", "10.96.0.10 ", " 10.96.0.10", "10.96.0.10\"", "10.96.0.10/32\n", "10.96.0.10\0", "10.96.0.10,10.96.0.11",
        "10.96.0.0/16 -j ACCEPT", "10.96.0.0/16\nCOMMIT", "::ffff:10.96.0.10\n", "1.2.3.4 -A X", "١٠.٩٦.٠.١٠",
    };

    public static IEnumerable<TestCaseData> Cases() =>
        Positions.Select(p => new TestCaseData(p).SetName("Hostile_" + p.Name.Replace(' ', '_').Replace('/', '_').Replace('-', '_') + "_is_rejected_or_cannot_inject"));

    [TestCaseSource(nameof(Cases))]
    public void Hostile_value_is_rejected_or_cannot_inject(DeclarationPosition position)
    {
        var baseline = Shape(Compile(position, position.Benign)!);
        var rejected = 0;
        var accepted = new List<string>();
        foreach (var value in HostileValues.All.Concat(HostileAddresses))
        {
            RuleSet? rules;
            try
            {
                rules = Compile(position, value);
            }
            catch (SpecValidationException)
            {
                rejected++;
                continue;
            }
            accepted.Add(Printable(value));
            var script = SaveRenderer.Render(rules!);
            var parsed = SaveParser.ParseRuleSet(script, "hostile");
            Assert.That(parsed, Is.EqualTo(rules), position + " = " + Printable(value) + ": the script does not parse back to the model\n" + script);
            Assert.That(Shape(parsed), Is.EqualTo(baseline), position + " = " + Printable(value) + ": tables, chains or rule counts differ from the benign declaration\n" + script);
        }
        TestContext.Out.WriteLine(position + ": " + rejected + " hostile values rejected, accepted (harmless): " + string.Join(" | ", accepted));
        Assert.That(rejected, Is.GreaterThan(0));
    }

    [Test]
    public void Names_are_dns_labels_so_every_hostile_name_is_rejected()
    {
        foreach (var value in HostileValues.All.Where(v => !DnsLabel.IsValid(v)))
        {
            foreach (var position in Positions.Take(5))
            {
                // "a/b" is a valid namespace/name.
                if (position.Name == "namespace/name" && value.Split('/').Length == 2 && value.Split('/').All(DnsLabel.IsValid)) continue;
                Assert.Throws<SpecValidationException>(() => Compile(position, value), position + " = " + Printable(value));
            }
        }
    }

    [Test]
    public void Hand_built_spec_with_hostile_names_is_rejected_by_the_compiler()
    {
        var valid = ClusterSpec.Build(c => Cluster(c).Service("ns/svc", Web));
        foreach (var value in HostileValues.All.Where(v => !DnsLabel.IsValid(v)))
        {
            var service = valid.Services[0];
            var specs = new[]
            {
                valid with { Services = new[] { service with { Namespace = value } }.ToValueList() },
                valid with { Services = new[] { service with { Name = value } }.ToValueList() },
                valid with { Services = new[] { service with { Ports = new[] { service.Ports[0] with { Name = value } }.ToValueList() } }.ToValueList() },
            };
            foreach (var spec in specs) Assert.Throws<SpecValidationException>(() => KubeProxyCompiler.Compile(spec), Printable(value));
        }
    }

    private static RuleSet? Compile(DeclarationPosition position, string value) =>
        KubeProxyCompiler.Compile(ClusterSpec.Build(c => position.Declare(c, value)), new CompileOptions { SelfContained = true });

    /// <summary>Tables, then per table the chain kinds (name without the service hash) with their rule counts, sorted.</summary>
    private static List<string> Shape(RuleSet rules) => rules.Tables
        .SelectMany(t => t.Chains.Select(c => t.Name + " " + Kind(c.Name) + " " + c.Rules.Count))
        .OrderBy(s => s, StringComparer.Ordinal).ToList();

    private static string Kind(string chain)
    {
        foreach (var prefix in new[] { "KUBE-SVC-", "KUBE-SEP-", "KUBE-FW-", "KUBE-XLB-", "KUBE-EXT-", "KUBE-SVL-" })
        {
            if (chain.StartsWith(prefix, StringComparison.Ordinal)) return prefix + "*";
        }
        return chain;
    }

    private static ClusterBuilder Cluster(ClusterBuilder c) => c.KubeProxy(KubeProxyProfile.Current).NodeName("node-1");

    private static void Web(ServiceBuilder s) => s.ClusterIP("10.96.0.10").Port("http", 80, Protocol.Tcp).Endpoints(8080, "10.244.1.2");

    private static string Printable(string value) => value.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\0", "\\0").Replace("\t", "\\t");

    /// <summary>
    /// A model built by hand (not from a declaration) can hold any string. Found by this test: a
    /// comment, chain name, log prefix, set name or raw option text with a line break was written
    /// as is, so <c>new CommentMatch("x\n-A INPUT -j DROP")</c> rendered a second, undeclared rule.
    /// The save and -S renderers now refuse such a model.
    /// </summary>
    [Test]
    public void Hand_built_models_with_line_breaks_cannot_render_extra_lines()
    {
        Rule Rule(Match? match = null, Target? target = null) => new Rule { Matches = match is null ? ValueList<Match>.Empty : new[] { match }.ToValueList(), Target = target ?? VerdictTarget.Accept };
        var rules = new[]
        {
            Rule(new CommentMatch("x\n-A INPUT -j DROP")),
            Rule(new CommentMatch("x\rCOMMIT")),
            Rule(new NfacctMatch("a\nb")),
            Rule(new SetMatch("s\n-A INPUT -j DROP", "src")),
            Rule(new RecentMatch { Name = "n\nCOMMIT" }),
            Rule(new RawMatch("limit", " --limit 1/s\n-A INPUT -j DROP", null)),
            Rule(target: new LogTarget { Prefix = "p\n-A INPUT -j DROP" }),
            Rule(target: new RawTarget("NFLOG", " --nflog-prefix x\n-A INPUT -j DROP", null)),
            new Rule { InInterface = new Negatable<string>("eth0\n-A INPUT -j DROP"), Target = VerdictTarget.Accept },
        };
        foreach (var rule in rules)
        {
            var table = new Table("filter", new[] { new Chain("INPUT", ChainPolicy.Accept, null, new[] { rule }.ToValueList()), new Chain("FORWARD", ChainPolicy.Accept), new Chain("OUTPUT", ChainPolicy.Accept) }.ToValueList());
            var set = new RuleSet(IpFamily.V4, new[] { table }.ToValueList());
            var what = SaveRenderer.RenderRule("INPUT", rule).Replace("\n", "\\n").Replace("\r", "\\r");
            Assert.Throws<InvalidOperationException>(() => SaveRenderer.Render(set), what);
            Assert.Throws<InvalidOperationException>(() => RulesRenderer.Render(table), what);
        }
        var badChain = new Table("filter", new[] { new Chain("INPUT", ChainPolicy.Accept), new Chain("X\n-A INPUT -j DROP") }.ToValueList());
        Assert.Throws<InvalidOperationException>(() => SaveRenderer.RenderTable(badChain));
        Assert.Throws<InvalidOperationException>(() => RulesRenderer.Render(badChain));
        Assert.Throws<InvalidOperationException>(() => SaveRenderer.RenderTable(new Table("nat\n*filter")));
    }
}
