using System;
using System.Linq;
using System.Numerics;
using NatDsl.Analysis.Trace;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Tests.Scale;
using NUnit.Framework;
using KubeProbability = NatDsl.KubeProxy.Probability;

namespace NatDsl.Tests.Analysis.Trace;

/// <summary>
/// What the tracer's working memory must not change: an outcome's path (made when first read,
/// from the trace's shared branches) is a plain value; long statistic chains (probabilities
/// multiplied in the thread's reused store) give the exact products; preparing a rule set
/// (depth first along jumps, loops included) changes nothing.
/// </summary>
public class TraceOutcomeTests
{
    [Test]
    public void An_outcome_path_made_on_reading_is_an_ordinary_value()
    {
        var rules = SaveParser.ParseRuleSet(ServiceRules(5));
        var packet = new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.96.0.1"), DestinationPort = 80 };
        var first = PacketTracer.Trace(rules, packet);
        var second = PacketTracer.Trace(rules, packet);
        Assert.That(first.Outcomes, Has.Count.EqualTo(5));
        for (var i = 0; i < first.Outcomes.Count; i++)
        {
            var a = first.Outcomes[i];
            var b = second.Outcomes[i];
            Assert.That(a, Is.EqualTo(b), "equal before either path was read");
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            var copy = new TraceOutcome
            {
                Probability = a.Probability,
                Destination = a.Destination,
                DestinationPort = a.DestinationPort,
                Masqueraded = a.Masqueraded,
                SnatSource = a.SnatSource,
                Verdict = a.Verdict,
                Mark = a.Mark,
                Path = new ValueList<TraceStep>(a.Path.ToArray()),
                Reason = a.Reason,
            };
            Assert.That(copy, Is.EqualTo(a), "equal to an outcome built from its values");
            Assert.That(copy.GetHashCode(), Is.EqualTo(a.GetHashCode()));
            Assert.That(copy.ToString(), Is.EqualTo(a.ToString()));
            var path = a.Path;
            Assert.That(a.Path, Is.SameAs(path), "made once");
            Assert.That(a.Path.Select(s => s.Chain), Is.EqualTo(new[] { "PREROUTING", "SVC", "SEP" + i, "POSTROUTING" }));
            Assert.That(a.Path[2].Note, Is.EqualTo(string.Empty));
            var shorter = a with { Path = new ValueList<TraceStep>(a.Path.Take(2)) };
            Assert.That(shorter.Path, Has.Count.EqualTo(2));
            Assert.That(shorter, Is.Not.EqualTo(a));
            Assert.That(a.Path, Has.Count.EqualTo(4), "with leaves the original alone");
            var masqueraded = a with { Masqueraded = !a.Masqueraded, Reason = "changed" };
            Assert.That(masqueraded.Path, Is.EqualTo(a.Path));
            Assert.That(masqueraded.Masqueraded, Is.Not.EqualTo(a.Masqueraded));
            Assert.That(masqueraded.Reason, Is.EqualTo("changed"));
            Assert.That(masqueraded, Is.Not.EqualTo(a));
        }
        Assert.That(first.Outcomes[0], Is.Not.EqualTo(first.Outcomes[1]));
        Assert.That(first, Is.EqualTo(second));
        Assert.That(new TraceOutcome().Path, Is.Empty);
    }

    [TestCase(2)]
    [TestCase(17)]
    [TestCase(60)]
    public void A_long_statistic_chain_gives_each_endpoint_the_exact_product(int endpoints)
    {
        var rules = SaveParser.ParseRuleSet(ServiceRules(endpoints));
        var packet = new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.96.0.1"), DestinationPort = 80 };
        // Twice, on the same thread: the second trace reuses the first one's working memory.
        foreach (var result in new[] { PacketTracer.Trace(rules, packet), PacketTracer.Trace(rules, packet) })
        {
            Assert.That(result.Outcomes, Has.Count.EqualTo(endpoints));
            var reached = Probability.One;
            var numerator = BigInteger.One;
            var exponent = 0;
            var sum = Probability.Zero;
            for (var i = 0; i < endpoints; i++)
            {
                var remaining = endpoints - i;
                var outcome = result.Outcomes[i];
                Assert.That(outcome.Destination, Is.EqualTo(IpAddress.Parse("10.2." + (i / 250) + "." + ((i % 250) + 1))));
                if (remaining == 1)
                {
                    Assert.That(outcome.Probability, Is.EqualTo(reached), "the last endpoint takes what is left");
                    Assert.That(outcome.Probability.Numerator * (BigInteger.One << exponent), Is.EqualTo(numerator * outcome.Probability.Denominator));
                }
                else
                {
                    var bits = KubeProbability.StoredBits(KubeProbability.Text(remaining, 10));
                    var hit = Probability.FromStatisticBits(bits);
                    Assert.That(outcome.Probability, Is.EqualTo(reached * hit), "endpoint " + i);
                    Assert.That(outcome.Probability.Numerator * (BigInteger.One << (exponent + 31)), Is.EqualTo(numerator * bits * outcome.Probability.Denominator), "endpoint " + i + " by plain BigIntegers");
                    reached *= hit.Complement;
                    numerator *= (BigInteger.One << 31) - bits;
                    exponent += 31;
                }
                sum += outcome.Probability;
            }
            Assert.That(sum, Is.EqualTo(Probability.One));
        }
    }

    [Test]
    public void A_service_with_thousands_of_endpoints_is_walked_without_deep_recursion()
    {
        // Each endpoint's miss continues in the service chain's loop: 1,500 endpoints on a thread
        // with a 256 KiB stack (a recursion per endpoint needed megabytes).
        var rules = SaveParser.ParseRuleSet(ServiceRules(1500));
        var packet = new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.96.0.1"), DestinationPort = 80 };
        TraceResult? indexed = null;
        TraceResult? linear = null;
        var thread = new System.Threading.Thread(() =>
        {
            indexed = PacketTracer.Trace(rules, packet);
            linear = PacketTracer.Trace(rules, packet, new TraceOptions { UseIndex = false });
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(indexed!.Outcomes, Has.Count.EqualTo(1500));
        Assert.That(indexed, Is.EqualTo(linear));
        Assert.That(indexed.Outcomes.Sum(o => o.Probability.ToDouble()), Is.EqualTo(1.0).Within(1e-9));
    }

    [Test]
    public void Preparing_a_rule_set_with_loops_and_deep_jumps_changes_no_trace()
    {
        // PREROUTING jumps through a chain of 30 chains (deeper than preparation follows at once)
        // and into a loop A -> B -> A; a prepared copy of the rules must trace exactly as a fresh one.
        var text = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n" +
            string.Concat(Enumerable.Range(0, 30).Select(i => ":D" + i + " - [0:0]\n")) +
            "-A PREROUTING -p tcp -m tcp --dport 81 -j A\n" +
            "-A PREROUTING -p tcp -m tcp --dport 82 -j D0\n" +
            "-A A -m statistic --mode random --probability 0.50000000000 -j B\n" +
            "-A A -j MARK --set-xmark 0x1/0x1\n" +
            "-A B -m mark --mark 0x1/0x1 -j RETURN\n" +
            "-A B -j A\n" +
            string.Concat(Enumerable.Range(0, 29).Select(i => "-A D" + i + " -j D" + (i + 1) + "\n")) +
            "-A D29 -p tcp -j DNAT --to-destination 10.2.0.9:8080\n" +
            "COMMIT\n";
        var fresh = SaveParser.ParseRuleSet(text);
        var prepared = SaveParser.ParseRuleSet(text);
        PacketTracer.Prepare(prepared);
        foreach (var port in new[] { 80, 81, 82 })
        {
            var packet = new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.96.0.1"), DestinationPort = port };
            var expected = PacketTracer.Trace(fresh, packet, new TraceOptions { UseIndex = false });
            Assert.That(PacketTracer.Trace(prepared, packet), Is.EqualTo(expected), "port " + port);
            Assert.That(PacketTracer.Trace(fresh, packet), Is.EqualTo(expected), "port " + port);
        }
        var deep = PacketTracer.Trace(prepared, new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.96.0.1"), DestinationPort = 82 });
        Assert.That(deep.Outcomes.Single().Destination, Is.EqualTo(IpAddress.Parse("10.2.0.9")));
        var loop = PacketTracer.Trace(prepared, new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.96.0.1"), DestinationPort = 81 });
        Assert.That(loop.Outcomes.Sum(o => o.Probability.ToDouble()), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(loop.Outcomes.Any(o => o.Verdict == TraceVerdict.Undetermined && o.Reason.Contains("loop")), Is.True, "the loop ends in the depth limit");
    }

    [Test]
    public void A_prepared_S_cluster_traces_as_the_linear_walk()
    {
        var workload = ScaleWorkloads.S;
        var rules = SaveParser.ParseRuleSet(SaveRenderer.Render(workload.RuleSet));
        PacketTracer.Prepare(rules);
        var options = new TraceOptions { LocalAddresses = workload.Spec.Settings.NodeIPs };
        var random = new Random(77);
        var outcomes = 0;
        for (var n = 0; n < 400; n++)
        {
            var service = workload.Spec.Services[random.Next(workload.Spec.Services.Count)];
            var port = service.Ports[random.Next(service.Ports.Count)];
            var packet = new Packet
            {
                Source = random.Next(3) == 0 && service.Endpoints.Count > 0 ? service.Endpoints[0].Address : IpAddress.FromV4((10u << 24) | (64u << 16) | (uint)random.Next(256, 65000)),
                Destination = service.ClusterIP!.Value,
                Protocol = port.Protocol == NatDsl.Spec.Protocol.Udp ? 17 : port.Protocol == NatDsl.Spec.Protocol.Sctp ? 132 : 6,
                DestinationPort = port.Port,
            };
            var traced = PacketTracer.Trace(rules, packet, options);
            Assert.That(traced, Is.EqualTo(PacketTracer.Trace(rules, packet, options with { UseIndex = false })), "packet " + n);
            outcomes += traced.Outcomes.Count;
        }
        Assert.That(outcomes, Is.GreaterThan(1200), "most packets branched over several endpoints");
    }

    /// <summary>A service at 10.96.0.1:80 with kube-proxy's statistic chain over <paramref name="endpoints"/> endpoints.</summary>
    private static string ServiceRules(int endpoints)
    {
        var text = new System.Text.StringBuilder("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:SVC - [0:0]\n");
        for (var i = 0; i < endpoints; i++) text.Append(":SEP" + i + " - [0:0]\n");
        text.Append("-A PREROUTING -d 10.96.0.1/32 -p tcp -m tcp --dport 80 -j SVC\n");
        for (var i = 0; i < endpoints; i++)
        {
            var remaining = endpoints - i;
            text.Append("-A SVC").Append(remaining > 1 ? " -m statistic --mode random --probability " + KubeProbability.Text(remaining, 10) : string.Empty).Append(" -j SEP" + i + "\n");
            text.Append("-A SEP" + i + " -p tcp -m tcp -j DNAT --to-destination 10.2." + (i / 250) + "." + ((i % 250) + 1) + ":8080\n");
        }
        text.Append("-A POSTROUTING -d 10.3.0.0/16 -j MASQUERADE\nCOMMIT\n");
        return text.ToString();
    }
}
