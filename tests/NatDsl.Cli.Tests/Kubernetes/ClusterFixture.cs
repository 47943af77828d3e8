using System.Collections.Generic;
using NatDsl.Cli.Kubernetes;

namespace NatDsl.Cli.Tests.Kubernetes;

/// <summary>
/// The fixture cluster: <c>kubectl get services,endpointslices -A</c> of a two-node cluster
/// (node-a 192.168.10.11, node-b 192.168.10.12, pods 10.244.0.0/16), as a List in YAML, the
/// same as JSON, and the same items as multi-document YAML.
/// </summary>
internal static class ClusterFixture
{
    public const string ListYaml = "cluster.list.yaml";
    public const string ListJson = "cluster.list.json";
    public const string MultiYaml = "cluster.multi.yaml";

    public static IEnumerable<string> Forms => new[] { ListYaml, ListJson, MultiYaml };

    public static string Text(string file) => TestFiles.Read("kubernetes", file);

    public static KubernetesObjects Read(string file) => KubernetesInput.Read(Text(file), file);

    /// <summary>node-a as kube-proxy runs there (IPv4 unless told otherwise).</summary>
    public static KubeProxyFlags NodeA(string profile = "current", string family = "4") => new KubeProxyFlags
    {
        Profile = profile,
        HostnameOverride = "node-a",
        NodeIPs = new[] { "192.168.10.11", "fd00:10::11" },
        ClusterCidr = "10.244.0.0/16,fd00:244::/56",
        IPFamily = family,
    };

    public static BuiltClusterSpec Build(string file, KubeProxyFlags flags) => KubernetesSpecBuilder.Build(Read(file), flags);
}
