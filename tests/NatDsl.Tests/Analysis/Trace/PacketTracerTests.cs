using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Analysis.Trace;

public class PacketTracerTests
{
    private static Rule Jump(string chain, params Match[] matches) => new Rule { Matches = matches.ToValueList(), Target = new JumpTarget(chain) };

    private static RuleSet Service(int endpoints, string kubeProxyProbabilityFormat)
    {
        var svc = new Chain("KUBE-SVC-X", rules: Enumerable.Range(0, endpoints).Select(i =>
        {
            var remaining = endpoints - i;
            var matches = remaining > 1
                ? new Match[] { StatisticMatch.Random(double.Parse((1.0 / remaining).ToString(kubeProxyProbabilityFormat, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)) }
                : new Match[0];
            return Jump("KUBE-SEP-" + i, matches);
        }).ToValueList());
        var seps = Enumerable.Range(0, endpoints).Select(i => new Chain("KUBE-SEP-" + i, rules: new[]
        {
            new Rule { Source = new Negatable<IpNetwork>(IpNetwork.Parse("10.1.0." + (i + 1))), Target = new JumpTarget("KUBE-MARK-MASQ") },
            new Rule { Protocol = new Negatable<int>(6), Matches = new Match[] { new TcpMatch() }.ToValueList(), Target = new DnatTarget(NatRange.To(IpAddress.Parse("10.1.0." + (i + 1)), 8080)) },
        }.ToValueList()));
        var services = new Chain("KUBE-SERVICES", rules: new[]
        {
            new Rule
            {
                Source = new Negatable<IpNetwork>(IpNetwork.Parse("10.1.0.0/16"), Inverted: true),
                Destination = new Negatable<IpNetwork>(IpNetwork.Parse("10.96.0.10")),
                Protocol = new Negatable<int>(6),
                Matches = new Match[] { new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) } }.ToValueList(),
                Target = new JumpTarget("KUBE-MARK-MASQ"),
            },
            new Rule
            {
                Destination = new Negatable<IpNetwork>(IpNetwork.Parse("10.96.0.10")),
                Protocol = new Negatable<int>(6),
                Matches = new Match[] { new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) } }.ToValueList(),
                Target = new JumpTarget("KUBE-SVC-X"),
            },
        }.ToValueList());
        var nat = new Table("nat", new[]
        {
            new Chain("PREROUTING", ChainPolicy.Accept, rules: new[] { Jump("KUBE-SERVICES") }.ToValueList()),
            new Chain("OUTPUT", ChainPolicy.Accept, rules: new[] { Jump("KUBE-SERVICES") }.ToValueList()),
            new Chain("POSTROUTING", ChainPolicy.Accept, rules: new[] { Jump("KUBE-POSTROUTING") }.ToValueList()),
            new Chain("KUBE-MARK-MASQ", rules: new[] { new Rule { Target = MarkTarget.Or(0x4000) } }.ToValueList()),
            new Chain("KUBE-POSTROUTING", rules: new[] { new Rule { Matches = new Match[] { new MarkMatch(0x4000, 0x4000) }.ToValueList(), Target = new MasqueradeTarget() } }.ToValueList()),
            services, svc,
        }.Concat(seps).ToValueList());
        return new RuleSet(IpFamily.V4, new[] { nat }.ToValueList());
    }

    [TestCase(4, "F5")]
    [TestCase(3, "F5")]
    [TestCase(3, "F10")]
    [TestCase(7, "F10")]
    public void Outcomes_sum_to_one_and_each_endpoint_gets_its_share(int endpoints, string format)
    {
        var rules = Service(endpoints, format);
        var result = PacketTracer.Trace(rules, new Packet { Source = IpAddress.Parse("192.168.1.5"), Destination = IpAddress.Parse("10.96.0.10"), DestinationPort = 80 });
        Assert.That(result.Outcomes, Has.Count.EqualTo(endpoints));
        var total = result.Outcomes.Aggregate(Probability.Zero, (sum, o) => sum + o.Probability);
        Assert.That(total, Is.EqualTo(Probability.One));
        foreach (var outcome in result.Outcomes)
        {
            Assert.That(outcome.Probability.ToDouble(), Is.EqualTo(1.0 / endpoints).Within(0.0001));
            Assert.That(outcome.DestinationPort, Is.EqualTo(8080));
            Assert.That(outcome.Masqueraded, Is.True, "source outside the cluster CIDR is masqueraded");
            Assert.That(outcome.Verdict, Is.EqualTo(TraceVerdict.Forwarded));
        }
        Assert.That(result.Outcomes.Select(o => o.Destination.ToString()).Distinct().Count(), Is.EqualTo(endpoints));
    }

    [Test]
    public void Four_endpoints_get_a_quarter_each_up_to_the_stored_probabilities()
    {
        // kube-proxy 1.12 writes 0.25000, 0.33333, 0.50000: the kernel stores lround(p*2^31), so the
        // second and third endpoint get 0.75*0.33333 and 0.75*0.66667*0.5, not exactly 1/4.
        var result = PacketTracer.Trace(Service(4, "F5"), new Packet { Source = IpAddress.Parse("10.1.3.3"), Destination = IpAddress.Parse("10.96.0.10"), DestinationPort = 80 });
        Assert.That(result.Outcomes.Select(o => o.Probability.ToPercent(2)), Is.All.EqualTo("25.00%"));
        Assert.That(result.Outcomes[0].Probability.ToString(), Is.EqualTo("1/4"));
        Assert.That(result.Outcomes[1].Probability, Is.Not.EqualTo(Probability.Of(1, 4)));
        Assert.That(result.Outcomes.Select(o => o.Masqueraded), Is.All.False, "pod source inside the cluster CIDR, not hairpinning: no masquerade");
    }

    [Test]
    public void Other_ports_do_not_match_and_fall_through()
    {
        var result = PacketTracer.Trace(Service(2, "F5"), new Packet { Source = IpAddress.Parse("10.1.3.3"), Destination = IpAddress.Parse("10.96.0.10"), DestinationPort = 81 });
        Assert.That(result.Outcomes, Has.Count.EqualTo(1));
        Assert.That(result.Outcomes[0].Destination, Is.EqualTo(IpAddress.Parse("10.96.0.10")));
        Assert.That(result.Outcomes[0].Path.Select(p => p.RuleIndex), Does.Contain(-1), "the policy applied");
    }

    [Test]
    public void An_opaque_extension_makes_the_trace_say_so()
    {
        var rules = Service(2, "F5");
        var nat = rules.Tables[0];
        var pre = nat.Chains[0] with { Rules = new[] { new Rule { Matches = new Match[] { new RawMatch("cgroup", " --path x", null) }.ToValueList(), Target = VerdictTarget.Accept } }.ToValueList().Concat(nat.Chains[0].Rules).ToValueList() };
        rules = rules with { Tables = new[] { nat with { Chains = nat.Chains.SetItem(0, pre) } }.ToValueList() };
        var result = PacketTracer.Trace(rules, new Packet { Source = IpAddress.Parse("10.1.3.3"), Destination = IpAddress.Parse("10.96.0.10"), DestinationPort = 80 });
        Assert.That(result.Outcomes, Has.Count.EqualTo(1));
        Assert.That(result.Outcomes[0].Verdict, Is.EqualTo(TraceVerdict.Undetermined));
        Assert.That(result.Outcomes[0].Reason, Does.Contain("cgroup"));
    }
}
