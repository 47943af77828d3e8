using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NatDsl.Analysis.Trace;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Workloads;

namespace NatDsl.Benchmarks;

/// <summary>Everything the operations of one workload size need, built once per process.</summary>
public sealed class BenchmarkInputs
{
    /// <summary>Packets traced per trace measurement.</summary>
    public const int TracePackets = 2000;

    private static readonly ConcurrentDictionary<string, BenchmarkInputs> Cache = new ConcurrentDictionary<string, BenchmarkInputs>(StringComparer.Ordinal);

    private BenchmarkInputs(WorkloadShape shape)
    {
        Shape = shape;
        Workload = Workload.Create(shape);
        Spec = Workload.Spec;
        ChangedSpec = WorkloadEdits.ChangeEndpoint(Spec, 1);
        TraceOptions = new TraceOptions { LocalAddresses = Spec.Settings.NodeIPs };
        Packets = MakePackets(Spec, TracePackets);
        _saveBytes = new Lazy<byte[]>(() => new UTF8Encoding(false).GetBytes(SaveText));
        _listingBytes = new Lazy<byte[]>(() => new UTF8Encoding(false).GetBytes(NatListing));
    }

    private readonly Lazy<byte[]> _saveBytes;
    private readonly Lazy<byte[]> _listingBytes;

    public static BenchmarkInputs For(string size) => Cache.GetOrAdd(size, s => new BenchmarkInputs(ShapeOf(s)));

    public static WorkloadShape ShapeOf(string size) => size switch
    {
        "S" => WorkloadShape.S,
        "M" => WorkloadShape.M,
        _ => throw new ArgumentException("unknown workload size " + size + " (S or M)"),
    };

    public WorkloadShape Shape { get; }

    public Workload Workload { get; }

    public ClusterSpec Spec { get; }

    public RuleSet RuleSet => Workload.RuleSet;

    public string SaveText => Workload.SaveText;

    public byte[] SaveBytes => _saveBytes.Value;

    public string NatListing => Workload.NatListing;

    public byte[] ListingBytes => _listingBytes.Value;

    /// <summary>The spec with one endpoint moved (for the diff).</summary>
    public ClusterSpec ChangedSpec { get; }

    private RuleSet? _changed;

    /// <summary>The rules of <see cref="ChangedSpec"/>.</summary>
    public RuleSet ChangedRuleSet => _changed ??= Workload.Compile(ChangedSpec);

    public TraceOptions TraceOptions { get; }

    /// <summary>First packets of connections from pods to random service frontends (cluster IPs, load-balancer IPs).</summary>
    public IReadOnlyList<Packet> Packets { get; }

    /// <summary>Writes the texts the peers and the peak-memory children read; returns the folder.</summary>
    public string WriteFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(SavePath(folder), SaveBytes);
        File.WriteAllBytes(ListingPath(folder), ListingBytes);
        File.WriteAllText(ChangedSavePath(folder), SaveRenderer.Render(ChangedRuleSet), new UTF8Encoding(false));
        return folder;
    }

    public string SavePath(string folder) => Path.Combine(folder, Shape.Name + ".rules");

    public string ChangedSavePath(string folder) => Path.Combine(folder, Shape.Name + ".changed.rules");

    public string ListingPath(string folder) => Path.Combine(folder, Shape.Name + ".nat.listing");

    private static IReadOnlyList<Packet> MakePackets(ClusterSpec spec, int count)
    {
        var random = new Random(12345);
        var packets = new List<Packet>(count);
        while (packets.Count < count)
        {
            var service = spec.Services[random.Next(spec.Services.Count)];
            var port = service.Ports[random.Next(service.Ports.Count)];
            var destination = service.ClusterIP!.Value;
            if (service.LoadBalancerIngress.Count > 0 && random.Next(2) == 0) destination = service.LoadBalancerIngress[0].IP;
            packets.Add(new Packet
            {
                Source = IpAddress.FromV4((10u << 24) | (64u << 16) | (uint)random.Next(256, 65000)),
                Destination = destination,
                Protocol = port.Protocol == Protocol.Udp ? 17 : port.Protocol == Protocol.Sctp ? 132 : 6,
                DestinationPort = port.Port,
                SourcePort = random.Next(32768, 60999),
            });
        }
        return packets;
    }
}
