using System;
using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Tests.Scale;
using NUnit.Framework;

namespace NatDsl.Tests.Analysis.Trace;

/// <summary><see cref="PacketTracer.TraceMany"/> gives each packet's own trace, in input order.</summary>
public class TraceManyTests
{
    [Test]
    public void Many_packets_get_their_own_traces_in_input_order()
    {
        var workload = ScaleWorkloads.S;
        var spec = workload.Spec;
        var options = new TraceOptions { LocalAddresses = spec.Settings.NodeIPs };
        var random = new Random(5);
        var packets = Enumerable.Range(0, 700).Select(_ =>
        {
            var service = spec.Services[random.Next(spec.Services.Count)];
            var port = service.Ports[random.Next(service.Ports.Count)];
            return new Packet
            {
                Source = IpAddress.FromV4((10u << 24) | (64u << 16) | (uint)random.Next(256, 65000)),
                Destination = service.ClusterIP!.Value,
                Protocol = port.Protocol == Protocol.Udp ? 17 : port.Protocol == Protocol.Sctp ? 132 : 6,
                DestinationPort = port.Port,
                SourcePort = random.Next(32768, 60999),
            };
        }).ToList();
        var many = PacketTracer.TraceMany(workload.RuleSet, packets, options);
        Assert.That(many.Count, Is.EqualTo(packets.Count));
        for (var i = 0; i < packets.Count; i++)
        {
            Assert.That(many[i].Packet, Is.SameAs(packets[i]), "result " + i + " is for packet " + i);
            Assert.That(many[i], Is.EqualTo(PacketTracer.Trace(workload.RuleSet, packets[i], options with { UseIndex = false })), "packet " + i);
        }
        Assert.That(PacketTracer.TraceMany(workload.RuleSet, packets, options), Is.EqualTo(many), "the same results on a second run");
        Assert.That(PacketTracer.TraceMany(workload.RuleSet, new Packet[0], options), Is.Empty);
    }
}
