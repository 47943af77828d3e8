using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NatDsl.Analysis.Trace;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Workloads;

namespace NatDsl.Benchmarks;

/// <summary>
/// The inputs of the operations on one workload size. Only what an operation needs is built
/// and kept (<see cref="Operations.Prepare"/>), and <see cref="Release"/> drops it: a process holding
/// every input of M at once would make each operation pay for collecting a heap many times
/// the size of its own.
/// </summary>
public sealed class BenchmarkInputs
{
    /// <summary>Packets traced per trace measurement.</summary>
    public const int TracePackets = 20000;

    private static BenchmarkInputs? _current;

    private BenchmarkInputs(WorkloadShape shape)
    {
        Shape = shape;
        Spec = ClusterWorkload.Generate(shape);
        TraceOptions = new TraceOptions { LocalAddresses = Spec.Settings.NodeIPs };
    }

    /// <summary>The inputs of <paramref name="size"/> (the previous size's are dropped).</summary>
    public static BenchmarkInputs For(string size)
    {
        var shape = ShapeOf(size);
        if (_current is null || _current.Shape != shape) _current = new BenchmarkInputs(shape);
        return _current;
    }

    /// <summary>Drops every input and collects the heap.</summary>
    public static void Release()
    {
        _current = null;
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        GC.WaitForPendingFinalizers();
    }

    public static WorkloadShape ShapeOf(string size) => size switch
    {
        "S" => WorkloadShape.S,
        "M" => WorkloadShape.M,
        _ => throw new ArgumentException("unknown workload size " + size + " (S or M)"),
    };

    public WorkloadShape Shape { get; }

    public ClusterSpec Spec { get; }

    public TraceOptions TraceOptions { get; }

    private RuleSet? _ruleSet;
    private RuleSet? _changed;
    private string? _saveText;
    private byte[]? _saveBytes;
    private string? _listing;
    private IReadOnlyList<Packet>? _packets;

    /// <summary>The node's compiled rules (kept once asked for).</summary>
    public RuleSet RuleSet => _ruleSet ??= Workload.Compile(Spec);

    /// <summary>The rules with one endpoint moved (for the diff).</summary>
    public RuleSet ChangedRuleSet => _changed ??= Workload.Compile(WorkloadEdits.ChangeEndpoint(Spec, 1));

    /// <summary>The iptables-save text (the rules are not kept unless asked for).</summary>
    public string SaveText => _saveText ??= SaveRenderer.Render(_ruleSet ?? Workload.Compile(Spec));

    public byte[] SaveBytes => _saveBytes ??= new UTF8Encoding(false).GetBytes(SaveText);

    /// <summary>The nat table's <c>-L -v -n</c> listing.</summary>
    public string NatListing => _listing ??= ListingRenderer.Render(_ruleSet ?? Workload.Compile(Spec), "nat", ListingForm.VerboseNumeric);

    /// <summary>First packets of connections from pods to random service frontends (cluster IPs, load-balancer IPs).</summary>
    public IReadOnlyList<Packet> Packets => _packets ??= MakePackets(Spec, TracePackets, 12345);

    /// <summary>
    /// Another set of <see cref="TracePackets"/> random packets for each call (24 sets made
    /// ahead): every trace measurement traces packets it has not traced before.
    /// </summary>
    public IReadOnlyList<Packet> FreshPackets()
    {
        _packetSets ??= MakePacketSets();
        return _packetSets[_freshCalls++ % _packetSets.Count];
    }

    private List<IReadOnlyList<Packet>> MakePacketSets()
    {
        var sets = new List<IReadOnlyList<Packet>>();
        for (var i = 0; i < 24; i++) sets.Add(MakePackets(Spec, TracePackets, 20000 + i));
        return sets;
    }

    private List<IReadOnlyList<Packet>>? _packetSets;
    private int _freshCalls;

    /// <summary>Writes the texts the peers read, then drops them; returns their sizes in bytes.</summary>
    public static (long Save, long Listing) WriteFiles(string size, string folder)
    {
        var input = For(size);
        Directory.CreateDirectory(folder);
        var rules = input.RuleSet;
        var utf8 = new UTF8Encoding(false);
        var save = utf8.GetBytes(SaveRenderer.Render(rules));
        File.WriteAllBytes(SavePath(size, folder), save);
        var listing = utf8.GetBytes(ListingRenderer.Render(rules, "nat", ListingForm.VerboseNumeric));
        File.WriteAllBytes(ListingPath(size, folder), listing);
        Release();
        return (save.LongLength, listing.LongLength);
    }

    public static string SavePath(string size, string folder) => Path.Combine(folder, size + ".rules");

    public static string ListingPath(string size, string folder) => Path.Combine(folder, size + ".nat.listing");

    private static IReadOnlyList<Packet> MakePackets(ClusterSpec spec, int count, int seed)
    {
        var random = new Random(seed);
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
