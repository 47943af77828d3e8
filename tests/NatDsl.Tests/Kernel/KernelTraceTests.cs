using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using NatDsl.Analysis.Trace;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Tests.Integration;
using NUnit.Framework;

namespace NatDsl.Tests.Kernel;

/// <summary>
/// Proves the packet tracer against the kernel. The compiled self-contained rules are loaded into
/// a node namespace; clients open many connections (each from its own source port, so each is a
/// fresh conntrack entry and a fresh draw of the statistic matches) to cluster IPs, NodePorts and
/// an external IP; the endpoints, in a pods namespace behind the node, answer with their address
/// and the source they saw. The endpoint distribution must fit the tracer's exact probabilities
/// (chi-square goodness of fit), a predicted REJECT must be refused and a predicted DROP must get no
/// answer, and the source must be the node's address exactly when the tracer says masquerade, the
/// client's otherwise.
/// </summary>
[TestFixture(KubeProxyProfile.V1_12, IptablesBackend.Legacy)]
[TestFixture(KubeProxyProfile.Current, IptablesBackend.Legacy)]
[TestFixture(KubeProxyProfile.V1_12, IptablesBackend.Nft)]
[TestFixture(KubeProxyProfile.Current, IptablesBackend.Nft)]
[Category("RealIptables")]
[NonParallelizable]
public class KernelTraceTests
{
    /// <summary>
    /// The significance level of one sample. A comparison fails only when two independent samples
    /// both fall below it (10⁻¹⁰), so a correct tracer fails a run of about 90 comparisons about
    /// once in 10⁸ runs; at 10⁻⁵ for one sample it failed a CI run (p = 4.8·10⁻⁶). 400 connections
    /// still reject, far below this level, a tracer that misreads how rule probabilities chain
    /// (p &lt; 10⁻²⁵ for a statistic probability read at half its value).
    /// </summary>
    private const double Significance = 1e-5;

    private const int Connections = 400;

    private const int SilentConnections = 8;

    private readonly KubeProxyProfile _profile;
    private readonly IptablesBackend _backend;
    private RuleSet _rules = null!;
    private KernelTopology? _topology;
    private NamespaceThread? _pods;
    private NamespaceThread? _client;
    private NamespaceThread? _node;
    private EndpointListeners? _listeners;
    private int _nextPort = 20000;

    public KernelTraceTests(KubeProxyProfile profile, IptablesBackend backend)
    {
        _profile = profile;
        _backend = backend;
    }

    [OneTimeSetUp]
    public void LoadNode()
    {
        RealIptables.Require();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _rules = KubeProxyCompiler.Compile(KernelCluster.Spec(_profile), new CompileOptions { SelfContained = true });
        _topology = KernelTopology.Create(KernelCluster.ClusterCidr, KernelCluster.ServiceRanges, KernelCluster.AllEndpoints(), new[] { KernelCluster.PodClient });
        _topology.Restore(_backend, SaveRenderer.Render(_rules));
        _pods = new NamespaceThread(_topology.Pods);
        _client = new NamespaceThread(_topology.Client);
        _node = new NamespaceThread(_topology.Node);
        _listeners = new EndpointListeners();
        _listeners.Listen(_pods, KernelCluster.AllEndpoints(), KernelCluster.TargetPort);
        WaitUntilReachable();
        TestContext.Progress.WriteLine("kernel node " + _profile + "/" + _backend + " ready in " + clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms");
    }

    [OneTimeTearDown]
    public void DeleteNode()
    {
        // Sockets and threads first, then the namespaces, whatever fails on the way.
        try
        {
            _listeners?.Dispose();
            _node?.Dispose();
            _client?.Dispose();
            _pods?.Dispose();
        }
        finally
        {
            _topology?.Dispose();
        }
    }

    private void WaitUntilReachable()
    {
        // The links come up asynchronously: retry one connection (bounded) before measuring.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var run = Prober.Run(_client!, ProtocolType.Tcp, KernelTopology.ClientAddress, 19000 + attempt, 1, KernelCluster.FourClusterIP, KernelCluster.FourPort, TimeSpan.FromSeconds(3));
            if (run.Observations.Count == 1 && run.Observations[0].Outcome is not (Observation.Refused or Observation.Silence)) return;
            System.Threading.Thread.Sleep(100);
        }
        Assert.Fail("the service never answered through the node");
    }

    public static IEnumerable<TestCaseData> Scenarios()
    {
        var targets = new (string Name, string Address, int Port)[]
        {
            ("four-endpoint cluster IP", KernelCluster.FourClusterIP, KernelCluster.FourPort),
            ("three-endpoint cluster IP", KernelCluster.ThreeClusterIP, KernelCluster.ThreePort),
            ("NodePort (Cluster)", KernelTopology.NodeClientSide, KernelCluster.ClusterNodePort),
            ("external IP", KernelCluster.ExternalIP, KernelCluster.NodePortPort),
            ("NodePort (Local)", KernelTopology.NodeClientSide, KernelCluster.LocalNodePort),
            ("cluster IP without endpoints", KernelCluster.EmptyClusterIP, KernelCluster.EmptyPort),
            ("cluster IP (internal Local, remote endpoint only)", KernelCluster.RemoteOnlyClusterIP, KernelCluster.RemoteOnlyPort),
            ("NodePort (Local, remote endpoint only)", KernelTopology.NodeClientSide, KernelCluster.RemoteOnlyNodePort),
        };
        foreach (var t in targets)
        {
            foreach (var client in new[] { ClientKind.Outside, ClientKind.Pod })
            {
                foreach (var protocol in new[] { ProtocolType.Tcp, ProtocolType.Udp })
                {
                    yield return new TestCaseData(client, t.Address, t.Port, protocol).SetArgDisplayNames(t.Name, client.ToString(), protocol.ToString());
                }
            }
        }
        foreach (var protocol in new[] { ProtocolType.Tcp, ProtocolType.Udp })
        {
            yield return new TestCaseData(ClientKind.Localhost, "127.0.0.1", KernelCluster.ClusterNodePort, protocol).SetArgDisplayNames("localhost NodePort", ClientKind.Localhost.ToString(), protocol.ToString());
        }
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Kernel_agrees_with_the_tracer(ClientKind client, string destination, int port, ProtocolType protocol)
    {
        var source = client switch
        {
            ClientKind.Outside => KernelTopology.ClientAddress,
            ClientKind.Pod => KernelCluster.PodClient,
            _ => "127.0.0.1",
        };
        var packet = new Packet
        {
            Source = IpAddress.Parse(source),
            Destination = IpAddress.Parse(destination),
            DestinationPort = port,
            Protocol = protocol == ProtocolType.Tcp ? 6 : 17,
            SourcePort = _nextPort,
            InInterface = client == ClientKind.Localhost ? null : KernelTopology.NodeClientInterface,
            OutInterface = KernelTopology.NodePodsInterface,
        };
        var predicted = TracerPrediction.For(_rules, packet, KernelTopology.NodeAddresses);

        // Silence costs a timeout per connection: a predicted drop is checked with a few.
        var count = predicted.Any(p => p.Outcome == Observation.Silence) ? SilentConnections : Connections;
        var thread = (client == ClientKind.Localhost ? _node : _client)!;
        var run = Sample(thread, protocol, source, destination, port, predicted, count, out var report, out var tail);
        if (tail is { } first && first <= Significance)
        {
            // One sample in about 10⁵ misses by chance: a second, independent one (fresh source
            // ports, fresh draws) must miss as well before the tracer is called wrong. A tracer
            // that misreads the probabilities still fails both by a margin of many orders.
            var rejected = report;
            run = Sample(thread, protocol, source, destination, port, predicted, count, out report, out tail);
            report = "first sample, rejected:\n" + rejected + "second sample:\n" + report;
        }
        var unpredicted = run.Observations.Select(o => o.Outcome).Where(e => predicted.All(p => p.Outcome != e)).Distinct().ToList();
        Assert.That(run.Failures.Count, Is.Zero, run.Failures.Count + " connections ended in an unexpected way, e.g. " + string.Join("; ", run.Failures.Take(3)) + "\n" + report);
        Assert.That(run.Observations, Has.Count.EqualTo(count));
        Assert.That(unpredicted, Is.Empty, "outcomes the tracer gives no chance\n" + report);
        if (tail is { } p) Assert.That(p, Is.GreaterThan(Significance), "the kernel's distribution does not fit the tracer's\n" + report);

        var wrongSource = new List<string>();
        foreach (var o in run.Observations)
        {
            if (o.Outcome is Observation.Refused or Observation.Silence) continue;
            var prediction = predicted.First(q => q.Outcome == o.Outcome);
            var expectedSource = prediction.Masqueraded ? KernelTopology.NodePodSide : source;
            if (o.SeenSourceAddress != expectedSource) wrongSource.Add(o.Outcome + " saw " + o.SeenSource + ", expected " + expectedSource + " (tracer: masquerade=" + prediction.Masqueraded + ")");
        }
        Assert.That(wrongSource.Count, Is.Zero, "connections that arrived with another source than the tracer says, e.g. " + string.Join("; ", wrongSource.Take(3)));
    }

    private ProbeRun Sample(NamespaceThread thread, ProtocolType protocol, string source, string destination, int port, IReadOnlyList<EndpointPrediction> predicted, int count, out string report, out double? tail)
    {
        var run = Prober.Run(thread, protocol, source, _nextPort, count, destination, port, TimeSpan.FromSeconds(20));
        _nextPort += count;
        var observed = predicted.Select(p => run.Observations.Count(o => o.Outcome == p.Outcome)).ToArray();
        var expected = predicted.Select(p => p.Probability.ToDouble() * count).ToArray();
        report = Report(protocol, source, destination, port, run, predicted, observed, expected, out tail);
        TestContext.Out.Write(report);
        return run;
    }

    private string Report(ProtocolType protocol, string source, string destination, int port, ProbeRun run, IReadOnlyList<EndpointPrediction> predicted, int[] observed, double[] expected, out double? tail)
    {
        var report = new StringBuilder();
        report.Append(_profile).Append(' ').Append(_backend).Append(' ').Append(protocol).Append(' ')
            .Append(source).Append(" -> ").Append(destination).Append(':').Append(port.ToString(CultureInfo.InvariantCulture))
            .Append(" (").Append(run.Observations.Count.ToString(CultureInfo.InvariantCulture)).Append(" connections, ")
            .Append(run.Elapsed.ToString(CultureInfo.InvariantCulture)).Append(" ms)\n");
        for (var i = 0; i < predicted.Count; i++)
        {
            report.Append("  ").Append(predicted[i].Outcome.PadRight(18)).Append(" p=").Append(predicted[i].Probability.ToPercent(4))
                .Append(" expected ").Append(expected[i].ToString("F1", CultureInfo.InvariantCulture))
                .Append(" observed ").Append(observed[i].ToString(CultureInfo.InvariantCulture))
                .Append(predicted[i].Masqueraded ? " masquerade" : string.Empty).Append('\n');
        }
        tail = null;
        if (predicted.Count > 1)
        {
            var statistic = ChiSquare.Statistic(observed, expected);
            tail = ChiSquare.UpperTail(statistic, predicted.Count - 1);
            report.Append("  chi2=").Append(statistic.ToString("F3", CultureInfo.InvariantCulture))
                .Append(" df=").Append((predicted.Count - 1).ToString(CultureInfo.InvariantCulture))
                .Append(" p=").Append(tail.Value.ToString("G4", CultureInfo.InvariantCulture)).Append('\n');
        }
        return report.ToString();
    }

    [Test]
    public void Kernel_holds_the_probabilities_the_tracer_used()
    {
        // iptables-save of the loaded node, parsed back and traced, gives exactly the same outcome
        // probabilities: the kernel stored the statistic bits the compiler chose.
        var readBack = SaveParser.ParseRuleSet(_topology!.Save(_backend), "kernel");
        foreach (var (address, port) in new[] { (KernelCluster.FourClusterIP, KernelCluster.FourPort), (KernelCluster.ThreeClusterIP, KernelCluster.ThreePort) })
        {
            var packet = new Packet
            {
                Source = IpAddress.Parse(KernelTopology.ClientAddress),
                Destination = IpAddress.Parse(address),
                DestinationPort = port,
                InInterface = KernelTopology.NodeClientInterface,
                OutInterface = KernelTopology.NodePodsInterface,
            };
            var compiled = TracerPrediction.For(_rules, packet, KernelTopology.NodeAddresses);
            var kernel = TracerPrediction.For(readBack, packet, KernelTopology.NodeAddresses);
            Assert.That(kernel, Is.EqualTo(compiled), address);
            TestContext.Out.WriteLine(address + ": " + string.Join(", ", kernel.Select(k => k.Outcome + " " + k.Probability)));
        }
    }
}
