using System;
using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Workloads;
using NUnit.Framework;

namespace NatDsl.Tests.Scale;

/// <summary>The tracer's index of long chains gives exactly the linear walk's results.</summary>
public class TraceIndexTests
{
    [Test]
    public void Indexed_and_linear_traces_agree_on_random_packets_through_S()
    {
        var workload = ScaleWorkloads.S;
        var spec = workload.Spec;
        var node = spec.Settings.NodeIPs[0];
        var indexed = new TraceOptions { LocalAddresses = spec.Settings.NodeIPs };
        var linear = indexed with { UseIndex = false };
        var random = new Random(7);
        var compared = 0;
        var outcomes = 0;
        for (var n = 0; n < 600; n++)
        {
            var packet = RandomPacket(random, spec, node);
            var a = PacketTracer.Trace(workload.RuleSet, packet, indexed);
            var b = PacketTracer.Trace(workload.RuleSet, packet, linear);
            Assert.That(a, Is.EqualTo(b), "packet " + n + ": " + packet);
            compared++;
            outcomes += a.Outcomes.Count;
        }
        Assert.That(compared, Is.EqualTo(600));
        Assert.That(outcomes, Is.GreaterThan(2000), "the packets reached endpoints, not only the chain ends");
    }

    [Test]
    public void Indexed_and_linear_traces_agree_where_a_rule_cannot_be_evaluated()
    {
        // A long chain whose port rules are preceded by a match the tracer cannot evaluate:
        // the index must not skip them, or it would hide the undetermined outcome.
        var text = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:L - [0:0]\n-A PREROUTING -j L\n" +
            string.Concat(Enumerable.Range(1, 40).Select(i =>
                i == 20
                    ? "-A L -p tcp -m conntrack --ctorigdst 10.0.0.1 -m tcp --dport 9999 -j RETURN\n"
                    : "-A L -d 10.1.0." + i + "/32 -p tcp -m tcp --dport " + (1000 + i) + " -j DNAT --to-destination 10.2.0." + i + ":80\n")) +
            "-A L -p udp -m udp --dport 53 -j DNAT --to-destination 10.3.0.1:53\nCOMMIT\n";
        var rules = NatDsl.Formats.Save.SaveParser.ParseRuleSet(text);
        foreach (var destination in new[] { "10.1.0.5", "10.1.0.30", "10.9.9.9" })
        {
            foreach (var (protocol, port) in new[] { (6, 1005), (6, 9999), (17, 53), (6, 1030) })
            {
                var packet = new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse(destination), Protocol = protocol, DestinationPort = port };
                var a = PacketTracer.Trace(rules, packet, new TraceOptions());
                var b = PacketTracer.Trace(rules, packet, new TraceOptions { UseIndex = false });
                Assert.That(a, Is.EqualTo(b), destination + " " + protocol + "/" + port);
            }
        }
        var stuck = PacketTracer.Trace(rules, new Packet { Source = IpAddress.Parse("192.168.1.1"), Destination = IpAddress.Parse("10.1.0.30"), Protocol = 6, DestinationPort = 1030 });
        Assert.That(stuck.Outcomes.Single().Verdict, Is.EqualTo(TraceVerdict.Undetermined), "the conntrack rule before it is reached first");
    }

    private static Packet RandomPacket(Random random, ClusterSpec spec, IpAddress node)
    {
        var service = spec.Services[random.Next(spec.Services.Count)];
        var port = service.Ports[random.Next(service.Ports.Count)];
        var protocol = port.Protocol == Protocol.Udp ? 17 : 6;
        var fromPod = IpAddress.FromV4((10u << 24) | (64u << 16) | (uint)random.Next(256, 60000));
        var fromOutside = IpAddress.FromV4((198u << 24) | (18u << 16) | (uint)random.Next(0, 65535));
        var fromNode = random.Next(4) == 0;
        var source = fromNode ? node : random.Next(2) == 0 ? fromPod : fromOutside;
        return random.Next(6) switch
        {
            0 when port.NodePort != 0 => new Packet { Source = source, Destination = node, Protocol = protocol, DestinationPort = port.NodePort },
            1 when service.LoadBalancerIngress.Count > 0 => new Packet { Source = source, Destination = service.LoadBalancerIngress[0].IP, Protocol = protocol, DestinationPort = port.Port },
            2 => new Packet { Source = source, Destination = service.ClusterIP!.Value, Protocol = 23 - protocol, DestinationPort = port.Port },
            3 => new Packet { Source = source, Destination = IpAddress.FromV4((10u << 24) | (96u << 16) | (uint)random.Next(1, 70000)), Protocol = protocol, DestinationPort = random.Next(1, 65536) },
            _ => new Packet { Source = source, Destination = service.ClusterIP!.Value, Protocol = protocol, DestinationPort = port.Port, InInterface = fromNode ? null : "eth0" },
        };
    }
}
