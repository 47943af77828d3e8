using System;
using System.Collections.Generic;
using NatDsl.Tests.Integration;

namespace NatDsl.Tests.Kernel;

/// <summary>
/// Three namespaces the test makes and deletes: a "node" that holds the rules and forwards, a
/// "pods" namespace behind it holding every endpoint address, and a "client" namespace in front
/// of it. Every address lives only inside these namespaces.
/// <code>
///  client eth0 10.100.0.2/24 (+ extra addresses)  ⇄  vc 10.100.0.1/24  node  vp 10.200.0.1/24  ⇄  eth0 10.200.0.2/24 pods (+ endpoints /32)
/// </code>
/// </summary>
public sealed class KernelTopology : IDisposable
{
    /// <summary>The node's address on the client link (its NodePort address).</summary>
    public const string NodeClientSide = "10.100.0.1";

    /// <summary>The client's own address on its link (outside the cluster CIDR).</summary>
    public const string ClientAddress = "10.100.0.2";

    /// <summary>The node's address on the pods link: the source a masqueraded packet carries.</summary>
    public const string NodePodSide = "10.200.0.1";

    /// <summary>The pods namespace's address on its link.</summary>
    public const string PodsLinkAddress = "10.200.0.2";

    /// <summary>The node's interface toward the client.</summary>
    public const string NodeClientInterface = "vc";

    /// <summary>The node's interface toward the pods.</summary>
    public const string NodePodsInterface = "vp";

    private KernelTopology(NetworkNamespace node, NetworkNamespace pods, NetworkNamespace client)
    {
        Node = node;
        Pods = pods;
        Client = client;
    }

    /// <summary>The node namespace (rules, forwarding).</summary>
    public NetworkNamespace Node { get; }

    /// <summary>The pods namespace (endpoint addresses, listeners).</summary>
    public NetworkNamespace Pods { get; }

    /// <summary>The client namespace.</summary>
    public NetworkNamespace Client { get; }

    /// <summary>The node's local addresses, as the tracer needs them.</summary>
    public static IReadOnlyList<string> NodeAddresses { get; } = new[] { NodeClientSide, NodePodSide, "127.0.0.1" };

    /// <summary>
    /// Makes the namespaces and links. <paramref name="podRoute"/> (the cluster CIDR) is routed
    /// from the node to the pods; <paramref name="serviceRanges"/> are routed back to the client
    /// namespace as to an upstream router (it does not forward, so a packet that leaves the node
    /// un-DNATed is lost, after the filter table saw it); each of <paramref name="extraClientAddresses"/> is added to the
    /// client and routed back to it from the node (a more specific route).
    /// </summary>
    public static KernelTopology Create(string podRoute, IEnumerable<string> serviceRanges, IEnumerable<string> endpointAddresses, IEnumerable<string> extraClientAddresses)
    {
        var made = new List<NetworkNamespace>();
        try
        {
            made.Add(NetworkNamespace.Create("node"));
            made.Add(NetworkNamespace.Create("pods"));
            made.Add(NetworkNamespace.Create("client"));
            var topology = new KernelTopology(made[0], made[1], made[2]);
            topology.Wire(podRoute, serviceRanges, endpointAddresses, extraClientAddresses);
            return topology;
        }
        catch
        {
            foreach (var ns in made) ns.Dispose();
            throw;
        }
    }

    private void Wire(string podRoute, IEnumerable<string> serviceRanges, IEnumerable<string> endpointAddresses, IEnumerable<string> extraClientAddresses)
    {
        // The peers are created directly inside their namespaces: no interface ever exists outside them.
        Ip(Node, "link", "add", NodeClientInterface, "type", "veth", "peer", "name", "eth0", "netns", Client.Name);
        Ip(Node, "link", "add", NodePodsInterface, "type", "veth", "peer", "name", "eth0", "netns", Pods.Name);

        Ip(Node, "addr", "add", NodeClientSide + "/24", "dev", NodeClientInterface);
        Ip(Node, "addr", "add", NodePodSide + "/24", "dev", NodePodsInterface);
        Ip(Node, "link", "set", NodeClientInterface, "up");
        Ip(Node, "link", "set", NodePodsInterface, "up");
        Ip(Node, "route", "add", podRoute, "dev", NodePodsInterface);
        foreach (var range in serviceRanges) Ip(Node, "route", "add", range, "via", ClientAddress);

        Ip(Client, "addr", "add", ClientAddress + "/24", "dev", "eth0");
        foreach (var address in extraClientAddresses)
        {
            Ip(Client, "addr", "add", address + "/32", "dev", "eth0");
            Ip(Node, "route", "add", address + "/32", "dev", NodeClientInterface);
        }
        Ip(Client, "link", "set", "eth0", "up");
        Ip(Client, "route", "add", "default", "via", NodeClientSide);

        Ip(Pods, "addr", "add", PodsLinkAddress + "/24", "dev", "eth0");
        foreach (var address in endpointAddresses) Ip(Pods, "addr", "add", address + "/32", "dev", "eth0");
        Ip(Pods, "link", "set", "eth0", "up");
        Ip(Pods, "route", "add", "default", "via", NodePodSide);

        // kube-proxy's node: forwarding on, localhost NodePorts routable (route_localnet), no
        // reverse-path filter between the test's own links, and no ICMP rate limit, so that every
        // REJECT reaches the client (the default allows one port-unreachable per second and peer).
        Sysctl(Node, "net.ipv4.ip_forward=1", "net.ipv4.conf.all.route_localnet=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0", "net.ipv4.icmp_ratemask=0");
    }

    /// <summary>Loads a restore script into the node with the backend's iptables-restore.</summary>
    public void Restore(IptablesBackend backend, string script)
    {
        var tool = NetworkNamespace.Tool(backend, ipv6: false, "-restore");
        var r = Node.ExecWithInput(script, tool);
        if (r.ExitCode != 0) throw new InvalidOperationException(tool + " rejected the script: " + r);
    }

    /// <summary>The node's tables as the backend's iptables-save prints them.</summary>
    public string Save(IptablesBackend backend)
    {
        var tool = NetworkNamespace.Tool(backend, ipv6: false, "-save");
        var r = Node.Exec(tool);
        if (r.ExitCode != 0) throw new InvalidOperationException(tool + " failed: " + r);
        return r.StandardOutput;
    }

    private static void Ip(NetworkNamespace ns, params string[] arguments)
    {
        var all = new List<string> { "-n", ns.Name };
        all.AddRange(arguments);
        var r = ProcessRunner.Run("ip", all.ToArray());
        if (r.ExitCode != 0) throw new InvalidOperationException("ip " + string.Join(" ", arguments) + " in " + ns.Name + " failed: " + r);
    }

    private static void Sysctl(NetworkNamespace ns, params string[] settings)
    {
        var all = new List<string> { "-q", "-w" };
        all.AddRange(settings);
        var r = ns.Exec("sysctl", all.ToArray());
        if (r.ExitCode != 0) throw new InvalidOperationException("sysctl " + string.Join(" ", settings) + " in " + ns.Name + " failed: " + r);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        Pods.Dispose();
        Node.Dispose();
    }
}
