using System;
using System.Linq;
using NatDsl.Analysis.Trace;
using NatDsl.Dsl;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.KubeProxy;

/// <summary>
/// kube-proxy's packet-flow unit tests (TestExternalTrafficPolicyLocal/Cluster, TestLoadBalancer,
/// TestNoEndpointsReject, TestNodePorts) replayed with the tracer on the compiled self-contained tables.
/// </summary>
public class PacketFlowTests
{
    private const string Pod = "10.0.0.2";
    private const string NodeIP = "192.168.0.2";
    private const string ExternalClient = "203.0.113.2";
    private const string BlockedClient = "203.0.113.130";

    private static readonly TraceOptions NodeAddresses = new TraceOptions
    {
        LocalAddresses = new[] { "192.168.0.2", "192.168.1.2", "192.168.99.11" }.Select(IpAddress.Parse).ToValueList(),
    };

    private static RuleSet Compile(Action<ClusterBuilder> services) =>
        KubeProxyCompiler.Compile(ClusterSpec.Build(c => services(KubeProxyTestClusters.FakeProxier(c))), new CompileOptions { SelfContained = true });

    /// <summary>Like kube-proxy's tracePacket: the endpoints reached ("ip:port, …"), or ACCEPT/DROP/REJECT, and whether it is masqueraded.</summary>
    private static (string Output, bool Masq) Flow(RuleSet rules, string source, string destination, int port)
    {
        var packet = new Packet { Source = IpAddress.Parse(source), Destination = IpAddress.Parse(destination), DestinationPort = port };
        var result = PacketTracer.Trace(rules, packet, NodeAddresses);
        Assert.That(result.Outcomes.All(o => o.Verdict != TraceVerdict.Undetermined), Is.True, string.Join("\n", result.Outcomes.Select(o => o.Reason)));
        var masq = result.Outcomes.Any(o => o.Masqueraded);
        if (result.Outcomes.All(o => o.Verdict == TraceVerdict.Dropped)) return ("DROP", masq);
        if (result.Outcomes.All(o => o.Verdict == TraceVerdict.Rejected)) return ("REJECT", masq);
        var reached = result.Outcomes
            .Where(o => o.Destination != packet.Destination || o.DestinationPort != packet.DestinationPort)
            .Select(o => o.Destination + ":" + o.DestinationPort)
            .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        return (string.Join(", ", reached), masq);
    }

    private static void LoadBalancer(ClusterBuilder c, TrafficPolicy policy) => c.Service("ns1/svc1", s => s
        .Type(ServiceType.LoadBalancer).ExternalTrafficPolicy(policy).ClusterIP("172.30.0.41").ExternalIPs("192.168.99.11")
        .Port("p80", 80, Protocol.Tcp, nodePort: 3001, targetPort: 80).HealthCheckNodePort(30000).LoadBalancerIngress("1.2.3.4")
        .Endpoint("10.180.0.1", e => e.Port("p80", 80))
        .Endpoint("10.180.2.1", e => e.Port("p80", 80).Node("test-node")));

    [TestCase(Pod, "172.30.0.41", 80, "10.180.0.1:80, 10.180.2.1:80", false, TestName = "eTP Local: pod to cluster IP hits both endpoints, unmasqueraded")]
    [TestCase(Pod, "192.168.99.11", 80, "10.180.0.1:80, 10.180.2.1:80", false, TestName = "eTP Local: pod to external IP hits both endpoints, unmasqueraded")]
    [TestCase(ExternalClient, "192.168.99.11", 80, "10.180.2.1:80", false, TestName = "eTP Local: external to external IP hits only the local endpoint")]
    [TestCase(Pod, "1.2.3.4", 80, "10.180.0.1:80, 10.180.2.1:80", false, TestName = "eTP Local: pod to LB IP hits both endpoints")]
    [TestCase(ExternalClient, "1.2.3.4", 80, "10.180.2.1:80", false, TestName = "eTP Local: external to LB IP hits only the local endpoint")]
    [TestCase(Pod, NodeIP, 3001, "10.180.0.1:80, 10.180.2.1:80", false, TestName = "eTP Local: pod to NodePort hits both endpoints")]
    [TestCase(ExternalClient, NodeIP, 3001, "10.180.2.1:80", false, TestName = "eTP Local: external to NodePort hits only the local endpoint")]
    public void External_traffic_policy_local(string source, string destination, int port, string output, bool masq)
    {
        var rules = Compile(c => LoadBalancer(c, TrafficPolicy.Local));
        Assert.That(Flow(rules, source, destination, port), Is.EqualTo((output, masq)));
    }

    [TestCase(Pod, "172.30.0.41", 80, false, TestName = "eTP Cluster: pod to cluster IP, unmasqueraded")]
    [TestCase(Pod, "192.168.99.11", 80, true, TestName = "eTP Cluster: pod to external IP, masqueraded")]
    [TestCase(ExternalClient, "192.168.99.11", 80, true, TestName = "eTP Cluster: external to external IP, masqueraded")]
    [TestCase(Pod, "1.2.3.4", 80, true, TestName = "eTP Cluster: pod to LB IP, masqueraded")]
    [TestCase(ExternalClient, "1.2.3.4", 80, true, TestName = "eTP Cluster: external to LB IP, masqueraded")]
    [TestCase(Pod, NodeIP, 3001, true, TestName = "eTP Cluster: pod to NodePort, masqueraded")]
    [TestCase(ExternalClient, NodeIP, 3001, true, TestName = "eTP Cluster: external to NodePort, masqueraded")]
    public void External_traffic_policy_cluster(string source, string destination, int port, bool masq)
    {
        var rules = Compile(c => LoadBalancer(c, TrafficPolicy.Cluster));
        Assert.That(Flow(rules, source, destination, port), Is.EqualTo(("10.180.0.1:80, 10.180.2.1:80", masq)));
    }

    [TestCase(Pod, "172.30.0.41", 80, "10.180.0.1:80", false, TestName = "LB ranges: pod to cluster IP")]
    [TestCase(ExternalClient, NodeIP, 3001, "10.180.0.1:80", true, TestName = "LB ranges: external to NodePort")]
    [TestCase(BlockedClient, NodeIP, 3001, "10.180.0.1:80", true, TestName = "LB ranges: NodePort bypasses the source ranges")]
    [TestCase(ExternalClient, "1.2.3.4", 80, "10.180.0.1:80", true, TestName = "LB ranges: accepted external to LB1")]
    [TestCase(ExternalClient, "5.6.7.8", 80, "10.180.0.1:80", true, TestName = "LB ranges: accepted external to LB2")]
    [TestCase(BlockedClient, "1.2.3.4", 80, "DROP", false, TestName = "LB ranges: blocked external to LB1")]
    [TestCase(BlockedClient, "5.6.7.8", 80, "DROP", false, TestName = "LB ranges: blocked external to LB2")]
    [TestCase(Pod, "1.2.3.4", 80, "DROP", false, TestName = "LB ranges: pod to LB1 is blocked")]
    [TestCase(NodeIP, "1.2.3.4", 80, "10.180.0.1:80", true, TestName = "LB ranges: node to LB1 is allowed")]
    [TestCase(NodeIP, "5.6.7.8", 80, "10.180.0.1:80", true, TestName = "LB ranges: node to LB2 is allowed")]
    [TestCase("1.2.3.4", "1.2.3.4", 80, "10.180.0.1:80", true, TestName = "LB ranges: node to LB1 SNATted to LB1 is implicitly allowed")]
    [TestCase("5.6.7.8", "5.6.7.8", 80, "10.180.0.1:80", true, TestName = "LB ranges: node to LB2 SNATted to LB2 is implicitly allowed")]
    public void Load_balancer_source_ranges(string source, string destination, int port, string output, bool masq)
    {
        var rules = Compile(c => c.Service("ns1/svc1", s => s
            .Type(ServiceType.LoadBalancer).ClusterIP("172.30.0.41").Port("p80", 80, Protocol.Tcp, nodePort: 3001)
            .LoadBalancerIngress("1.2.3.4").LoadBalancerIngress("5.6.7.8").LoadBalancerSourceRanges("192.168.0.0/24", " 203.0.113.0/25")
            .Endpoints(80, "10.180.0.1")));
        Assert.That(Flow(rules, source, destination, port), Is.EqualTo((output, masq)));
    }

    [TestCase(Pod, "172.30.0.41", 80, TestName = "No endpoints: pod to cluster IP")]
    [TestCase(ExternalClient, "192.168.99.11", 80, TestName = "No endpoints: external to external IP")]
    [TestCase(Pod, NodeIP, 3001, TestName = "No endpoints: pod to NodePort")]
    [TestCase(ExternalClient, NodeIP, 3001, TestName = "No endpoints: external to NodePort")]
    [TestCase(Pod, "1.2.3.4", 80, TestName = "No endpoints: pod to LB IP")]
    [TestCase(ExternalClient, "1.2.3.4", 80, TestName = "No endpoints: external to LB IP")]
    public void Services_without_endpoints_reject(string source, string destination, int port)
    {
        var rules = Compile(c => c.Service("ns1/svc1", s => s
            .Type(ServiceType.LoadBalancer).ClusterIP("172.30.0.41").ExternalIPs("192.168.99.11")
            .Port("p80", 80, Protocol.Tcp, nodePort: 3001).LoadBalancerIngress("1.2.3.4")));
        Assert.That(Flow(rules, source, destination, port).Output, Is.EqualTo("REJECT"));
    }

    [TestCase(true, "127.0.0.1", "10.180.0.1:80, 10.180.2.1:80", TestName = "NodePorts: localhost reaches the NodePort when enabled")]
    [TestCase(false, "127.0.0.1", "", TestName = "NodePorts: localhost is ignored when disabled")]
    [TestCase(true, "192.168.1.2", "10.180.0.1:80, 10.180.2.1:80", TestName = "NodePorts: secondary node IP")]
    public void Node_ports(bool localhost, string destination, string output)
    {
        var rules = Compile(c => c.LocalhostNodePorts(localhost).Service("ns1/svc1", s => s
            .Type(ServiceType.NodePort).ClusterIP("172.30.0.41").Port("p80", 80, Protocol.Tcp, nodePort: 3001)
            .Endpoint("10.180.0.1", e => e.Port("p80", 80))
            .Endpoint("10.180.2.1", e => e.Port("p80", 80).Node("test-node"))));
        var source = destination == "127.0.0.1" ? "127.0.0.1" : ExternalClient;
        var (reached, masq) = Flow(rules, source, destination, 3001);
        Assert.That(reached, Is.EqualTo(output));
        if (output.Length > 0) Assert.That(masq, Is.True);
    }

    [TestCase("test-node", "10.0.1.1:80", TestName = "iTP Local: pod to cluster IP hits only the local endpoint")]
    [TestCase("node0", "DROP", TestName = "iTP Local: no local endpoints drops")]
    public void Internal_traffic_policy_local(string firstNode, string output)
    {
        var rules = Compile(c => c.Service("ns1/svc1", s => s
            .ClusterIP("172.30.1.1").Port(80, Protocol.Tcp).InternalTrafficPolicy(TrafficPolicy.Local)
            .Endpoint("10.0.1.1", e => e.Port(80).Node(firstNode))
            .Endpoint("10.0.1.2", e => e.Port(80).Node("node1"))
            .Endpoint("10.0.1.3", e => e.Port(80).Node("node2"))));
        Assert.That(Flow(rules, Pod, "172.30.1.1", 80).Output, Is.EqualTo(output));
    }
}
