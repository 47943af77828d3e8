using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Tests.Scale;
using NUnit.Framework;

namespace NatDsl.Tests.Analysis.Trace;

/// <summary>
/// The indexed trace (prepared rules, hook walks shared between endpoint branches) gives exactly
/// the straightforward linear evaluation's results (<see cref="TraceOptions.UseIndex"/> false).
/// </summary>
public class PreparedWalkTests
{
    [Test]
    public void Prepared_and_linear_traces_agree_on_many_random_packets_through_S()
    {
        var workload = ScaleWorkloads.S;
        var spec = workload.Spec;
        var endpoints = spec.Services.SelectMany(s => s.Endpoints).Select(e => e.Address).ToList();
        var optionSets = new[]
        {
            new TraceOptions { LocalAddresses = spec.Settings.NodeIPs },
            new TraceOptions { LocalAddresses = spec.Settings.NodeIPs, EvaluateFilter = false },
            new TraceOptions(),
        };
        var random = new Random(20261126);
        var outcomes = 0;
        var endpointOutcomes = 0;
        for (var n = 0; n < 3000; n++)
        {
            var packet = RandomPacket(random, spec, endpoints);
            var indexed = optionSets[n % optionSets.Length];
            var a = PacketTracer.Trace(workload.RuleSet, packet, indexed);
            var b = PacketTracer.Trace(workload.RuleSet, packet, indexed with { UseIndex = false });
            Assert.That(a, Is.EqualTo(b), "packet " + n + ": " + packet);
            outcomes += a.Outcomes.Count;
            if (a.Outcomes.Count > 1) endpointOutcomes += a.Outcomes.Count;
        }
        Assert.That(endpointOutcomes, Is.GreaterThan(5000), "many packets branched over endpoints, so hook walks were shared");
    }

    [Test]
    public void A_hook_chain_that_tells_endpoints_apart_is_walked_for_each()
    {
        // Four endpoints; after DNAT the filter FORWARD chain (long: indexed) drops one endpoint
        // by address, a short chain rejects another by port, and POSTROUTING masquerades only
        // toward a third's network: a branch reusing another endpoint's walk would get these wrong.
        var text = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:SVC - [0:0]\n" +
            "-A PREROUTING -d 10.96.0.1/32 -p tcp -m tcp --dport 80 -j SVC\n" +
            "-A SVC -p tcp -m statistic --mode random --probability 0.25000000000 -j DNAT --to-destination 10.2.0.1:8080\n" +
            "-A SVC -p tcp -m statistic --mode random --probability 0.33333333349 -j DNAT --to-destination 10.2.0.2:8080\n" +
            "-A SVC -p tcp -m statistic --mode random --probability 0.50000000000 -j DNAT --to-destination 10.2.0.3:8081\n" +
            "-A SVC -p tcp -j DNAT --to-destination 10.3.0.4:8080\n" +
            "-A POSTROUTING -d 10.3.0.0/16 -j MASQUERADE\n" +
            "COMMIT\n" +
            "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:SHORT - [0:0]\n" +
            string.Concat(Enumerable.Range(1, 12).Select(i => "-A FORWARD -d 10.9.0." + i + "/32 -j DROP\n")) +
            "-A FORWARD -d 10.2.0.2/32 -j DROP\n" +
            "-A FORWARD -j SHORT\n" +
            "-A SHORT -p tcp -m tcp --dport 8081 -j REJECT --reject-with icmp-port-unreachable\n" +
            "-A SHORT -j MARK --set-xmark 0x1/0x1\n" +
            "COMMIT\n";
        var rules = SaveParser.ParseRuleSet(text);
        var packet = new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.96.0.1"), DestinationPort = 80 };
        var indexed = PacketTracer.Trace(rules, packet, new TraceOptions());
        var linear = PacketTracer.Trace(rules, packet, new TraceOptions { UseIndex = false });
        Assert.That(indexed, Is.EqualTo(linear));
        var byDestination = indexed.Outcomes.ToDictionary(o => o.Destination.ToString(), o => o);
        Assert.That(byDestination["10.2.0.1"].Verdict, Is.EqualTo(TraceVerdict.Forwarded));
        Assert.That(byDestination["10.2.0.1"].Mark, Is.EqualTo(1u));
        Assert.That(byDestination["10.2.0.2"].Verdict, Is.EqualTo(TraceVerdict.Dropped));
        Assert.That(byDestination["10.2.0.3"].Verdict, Is.EqualTo(TraceVerdict.Rejected));
        Assert.That(byDestination["10.3.0.4"].Verdict, Is.EqualTo(TraceVerdict.Forwarded));
        Assert.That(byDestination["10.3.0.4"].Masqueraded, Is.True);
        Assert.That(byDestination["10.2.0.1"].Masqueraded, Is.False);
        Assert.That(byDestination["10.3.0.4"].Path.Last().RuleIndex, Is.EqualTo(0), "POSTROUTING's MASQUERADE rule");
        Assert.That(byDestination["10.2.0.1"].Path.Last().Note, Is.EqualTo("policy ACCEPT"), "POSTROUTING's policy");
    }

    private static Packet RandomPacket(Random random, ClusterSpec spec, List<IpAddress> endpoints)
    {
        var service = spec.Services[random.Next(spec.Services.Count)];
        var port = service.Ports[random.Next(service.Ports.Count)];
        var protocol = port.Protocol == Protocol.Udp ? 17 : port.Protocol == Protocol.Sctp ? 132 : 6;
        var node = spec.Settings.NodeIPs[0];
        var source = random.Next(5) switch
        {
            // A pod that is itself an endpoint: hairpin traffic marks some branches for masquerade.
            0 when service.Endpoints.Count > 0 => service.Endpoints[random.Next(service.Endpoints.Count)].Address,
            1 when endpoints.Count > 0 => endpoints[random.Next(endpoints.Count)],
            2 => node,
            3 => IpAddress.FromV4((198u << 24) | (18u << 16) | (uint)random.Next(0, 65535)),
            _ => IpAddress.FromV4((10u << 24) | (64u << 16) | (uint)random.Next(256, 65000)),
        };
        var destination = random.Next(4) switch
        {
            0 when service.LoadBalancerIngress.Count > 0 => service.LoadBalancerIngress[0].IP,
            1 when port.NodePort != 0 => node,
            _ => service.ClusterIP!.Value,
        };
        var destinationPort = destination == node ? port.NodePort : port.Port;
        return new Packet
        {
            Source = source,
            Destination = destination,
            Protocol = protocol,
            DestinationPort = destinationPort,
            SourcePort = random.Next(32768, 60999),
            InInterface = random.Next(3) == 0 ? "eth0" : null,
            OutInterface = random.Next(3) == 0 ? "eth0" : null,
            Mark = random.Next(8) == 0 ? 0x4000u : 0u,
        };
    }
}
