using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Properties;

/// <summary>Regression tests for the bugs the property tests found, each with the input that broke it.</summary>
[Category("Properties")]
public class FoundByPropertiesTests
{
    /// <summary>
    /// <c>.NonMasqueradeCidrs(…)</c> made the compiler write ip-masq-agent's last rule as
    /// <c>-j MASQUERADE --to-ports 32768-65535</c> without <c>-p</c>: iptables-restore (and the save
    /// parser) refuse a port range without tcp/udp/sctp/dccp, so the self-contained script could not be
    /// loaded. ip-masq-agent writes a bare <c>-j MASQUERADE</c>.
    /// </summary>
    [Test]
    public void Ip_masq_agent_rule_is_loadable()
    {
        var spec = ClusterSpec.Build(c => c.NonMasqueradeCidrs("10.0.0.0/8"));
        var rules = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true });
        var chain = rules.FindTable("nat")!.FindChain("IP-MASQ-AGENT")!;
        Assert.That(chain.Rules.Last().Target, Is.EqualTo(new MasqueradeTarget(RandomFully: true)));
        var text = SaveRenderer.Render(rules);
        Assert.That(text, Does.Contain("-A IP-MASQ-AGENT -m comment --comment \"ip-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)\" -j MASQUERADE --random-fully\n"));
        Assert.That(SaveParser.ParseRuleSet(text), Is.EqualTo(rules));
    }

    /// <summary>
    /// A rule with two comments and other matches between them (found by the listing round-trip
    /// property): <c>-m comment --comment a -m tcp --dport 80 -m comment --comment b</c> lists as
    /// <c>/* a */ tcp dpt:80 /* b */</c>, which the parser reads as the one comment
    /// <c>a */ tcp dpt:80 /* b</c>; the equivalence merged only adjacent comments, so the rule was
    /// not equivalent to its own listing.
    /// </summary>
    [Test]
    public void Comments_around_other_matches_are_equivalent_to_their_listing()
    {
        var rule = new Rule
        {
            Protocol = new Negatable<int>(6),
            Matches = new Match[] { new CommentMatch("a"), new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) }, new CommentMatch("b") }.ToValueList(),
            Target = VerdictTarget.Accept,
        };
        var table = new Table("filter", new[] { new Chain("INPUT", ChainPolicy.Accept, null, new[] { rule }.ToValueList()), new Chain("FORWARD", ChainPolicy.Accept), new Chain("OUTPUT", ChainPolicy.Accept) }.ToValueList());
        var rules = new RuleSet(IpFamily.V4, new[] { table }.ToValueList());
        var listing = ListingRenderer.Render(table, ListingForm.Numeric);
        Assert.That(listing, Does.Contain("/* a */ tcp dpt:80 /* b */"));
        var parsed = ListingParser.Parse(listing, "listing", "filter");
        Assert.That(parsed.Table.Chains[0].Rules[0].Matches, Is.EqualTo(new Match[] { new CommentMatch("a */ tcp dpt:80 /* b") }.ToValueList()));
        Assert.That(ListingEquivalence.AreEquivalent(rules, parsed.RuleSet, ListingForm.Numeric), Is.True);
    }

    /// <summary>
    /// V1_12 without kubelet's chains and with a load balancer (found by the compiled-spec save
    /// round-trip property): the whole-node tables jumped to KUBE-MARK-DROP, which only kubelet
    /// creates, so iptables-restore (and the save parser: "chain KUBE-MARK-DROP does not exist")
    /// refused them. Such a spec is now a validation error naming the chain.
    /// </summary>
    [Test]
    public void Kube_proxy_1_12_without_kubelet_chains_cannot_jump_to_kubelet_drop_chain()
    {
        void Define(NatDsl.Dsl.ClusterBuilder c, bool kubelet) => c
            .KubeProxy(KubeProxyProfile.V1_12).KubeletChains(kubelet)
            .Service("ns/lb", svc => svc.Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.5")
                .Port(80, Protocol.Tcp, nodePort: 30080).LoadBalancerIngress("192.0.2.7").Endpoints(8080, "10.244.1.2"));

        var error = Assert.Throws<SpecValidationException>(() => KubeProxyCompiler.Compile(ClusterSpec.Build(c => Define(c, false)), new CompileOptions { SelfContained = true }))!;
        Assert.That(error.Errors.Single().Field, Is.EqualTo("settings.kubeletChains"));
        Assert.That(error.Errors.Single().Service, Is.EqualTo("ns/lb"));
        Assert.That(error.Message, Does.Contain("KUBE-MARK-DROP"));

        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(c => Define(c, true)), new CompileOptions { SelfContained = true });
        Assert.That(SaveParser.ParseRuleSet(SaveRenderer.Render(rules)), Is.EqualTo(rules));
    }
}
