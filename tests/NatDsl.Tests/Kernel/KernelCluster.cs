using System.Collections.Generic;
using NatDsl.Dsl;
using NatDsl.Spec;

namespace NatDsl.Tests.Kernel;

/// <summary>
/// The node the kernel tests load: the seed's network (cluster CIDR 10.254.0.0/16, this node's
/// subnet 10.254.98.0/24 with flannel's masquerade rules for V1_12) and its service-test with four
/// endpoints, plus a three-endpoint service, a NodePort with an external IP, a NodePort with
/// externalTrafficPolicy Local, a service without endpoints (REJECT) and a Local-policy service
/// whose only endpoint is on another node (DROP where the policy applies). Every service port
/// serves TCP and UDP; every endpoint listens on <see cref="TargetPort"/>.
/// </summary>
internal static class KernelCluster
{
    public const string ClusterCidr = "10.254.0.0/16";
    public const string NodeName = "kernel-node";
    public const int TargetPort = 8080;

    /// <summary>A client inside the cluster CIDR (a pod on another node), added to the client namespace.</summary>
    public const string PodClient = "10.254.28.100";

    public const string FourClusterIP = "10.254.82.218";
    public const int FourPort = 8088;
    public static readonly string[] FourEndpoints = { "10.254.98.5", "10.254.28.6", "10.254.98.4", "10.254.28.7" };

    public const string ThreeClusterIP = "10.254.82.219";
    public const int ThreePort = 9000;
    public static readonly string[] ThreeEndpoints = { "10.254.98.6", "10.254.28.8", "10.254.98.7" };

    public const string ExternalIP = "10.99.0.11";
    public const int NodePortPort = 80;
    public const int ClusterNodePort = 34573;
    public static readonly string[] NodePortEndpoints = { "10.254.28.4", "10.254.98.3" };

    public const int LocalNodePort = 34580;
    public static readonly string[] LocalEndpoints = { "10.254.98.10", "10.254.98.11" };
    public const string RemoteEndpoint = "10.254.28.10";

    public const string EmptyClusterIP = "10.254.82.220";
    public const int EmptyPort = 7000;

    public const string RemoteOnlyClusterIP = "10.254.82.221";
    public const int RemoteOnlyPort = 7100;
    public const int RemoteOnlyNodePort = 34590;
    public const string RemoteOnlyEndpoint = "10.254.28.11";

    /// <summary>The ranges of the cluster IPs (inside the cluster CIDR, as in the seed).</summary>
    public static readonly string[] ServiceRanges = { "10.254.82.0/24", "10.254.212.0/24" };

    /// <summary>Every endpoint address (each listens in the pods namespace).</summary>
    public static IEnumerable<string> AllEndpoints()
    {
        foreach (var a in FourEndpoints) yield return a;
        foreach (var a in ThreeEndpoints) yield return a;
        foreach (var a in NodePortEndpoints) yield return a;
        foreach (var a in LocalEndpoints) yield return a;
        yield return RemoteEndpoint;
        yield return RemoteOnlyEndpoint;
    }

    public static ClusterSpec Spec(KubeProxyProfile profile) => ClusterSpec.Build(c =>
    {
        c.KubeProxy(profile)
            .NodeName(NodeName)
            .NodeIP(KernelTopology.NodeClientSide)
            .ClusterCidr(ClusterCidr)
            .NodePortRange(30000, 35000)
            .Nfacct(false)
            .Service("kys/service-test", s => s
                .ClusterIP(FourClusterIP)
                .Port("tcp", FourPort, Protocol.Tcp, targetPort: TargetPort)
                .Port("udp", FourPort, Protocol.Udp, targetPort: TargetPort)
                .Endpoints(TargetPort, FourEndpoints))
            .Service("kys/three", s => s
                .ClusterIP(ThreeClusterIP)
                .Port("tcp", ThreePort, Protocol.Tcp, targetPort: TargetPort)
                .Port("udp", ThreePort, Protocol.Udp, targetPort: TargetPort)
                .Endpoints(TargetPort, ThreeEndpoints))
            .Service("kys/dnsutils-ds", s => s
                .Type(ServiceType.NodePort)
                .ClusterIP("10.254.212.225")
                .ExternalIPs(ExternalIP)
                .Port("http", NodePortPort, Protocol.Tcp, nodePort: ClusterNodePort, targetPort: TargetPort)
                .Port("dns", NodePortPort, Protocol.Udp, nodePort: ClusterNodePort, targetPort: TargetPort)
                .Endpoints(TargetPort, NodePortEndpoints))
            .Service("kys/local", s => s
                .Type(ServiceType.NodePort)
                .ExternalTrafficPolicy(TrafficPolicy.Local)
                .ClusterIP("10.254.212.226")
                .Port("http", NodePortPort, Protocol.Tcp, nodePort: LocalNodePort, targetPort: TargetPort)
                .Port("dns", NodePortPort, Protocol.Udp, nodePort: LocalNodePort, targetPort: TargetPort)
                .Endpoint(LocalEndpoints[0], e => e.Port("http", TargetPort).Port("dns", TargetPort).Node(NodeName))
                .Endpoint(LocalEndpoints[1], e => e.Port("http", TargetPort).Port("dns", TargetPort).Node(NodeName))
                .Endpoint(RemoteEndpoint, e => e.Port("http", TargetPort).Port("dns", TargetPort).Node("other-node")))
            .Service("kys/empty", s => s
                .ClusterIP(EmptyClusterIP)
                .Port("tcp", EmptyPort, Protocol.Tcp)
                .Port("udp", EmptyPort, Protocol.Udp))
            .Service("kys/remote-only", s => s
                .Type(ServiceType.NodePort)
                .ExternalTrafficPolicy(TrafficPolicy.Local)
                .InternalTrafficPolicy(TrafficPolicy.Local)
                .ClusterIP(RemoteOnlyClusterIP)
                .Port("tcp", RemoteOnlyPort, Protocol.Tcp, nodePort: RemoteOnlyNodePort, targetPort: TargetPort)
                .Port("udp", RemoteOnlyPort, Protocol.Udp, nodePort: RemoteOnlyNodePort, targetPort: TargetPort)
                .Endpoint(RemoteOnlyEndpoint, e => e.Port("tcp", TargetPort).Port("udp", TargetPort).Node("other-node")));
        if (profile == KubeProxyProfile.V1_12)
        {
            // As the seed: kube-proxy 1.12 without --random-fully, beside flannel --ip-masq.
            c.RandomFully(false).Masquerade(m => m.PodNetwork(ClusterCidr).NodeSubnet("10.254.98.0/24"));
        }
    });
}
