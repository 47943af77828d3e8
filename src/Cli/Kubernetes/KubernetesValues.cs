using System;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>Kubernetes enumeration strings as kube-proxy interprets them.</summary>
internal static class KubernetesValues
{
    /// <summary><c>TCP</c>, <c>UDP</c>, <c>SCTP</c> (null: the API default TCP); other text: null.</summary>
    public static Protocol? Protocol(string? text) => text switch
    {
        null or "" or "TCP" => Spec.Protocol.Tcp,
        "UDP" => Spec.Protocol.Udp,
        "SCTP" => Spec.Protocol.Sctp,
        _ => null,
    };

    /// <summary>The protocol as Kubernetes writes it.</summary>
    public static string ProtocolName(Protocol protocol) => protocol switch
    {
        Spec.Protocol.Udp => "UDP",
        Spec.Protocol.Sctp => "SCTP",
        _ => "TCP",
    };

    /// <summary><c>Local</c> is Local, anything else (<c>Cluster</c>, unset) is Cluster.</summary>
    public static TrafficPolicy Policy(string? text) =>
        string.Equals(text, "Local", StringComparison.Ordinal) ? TrafficPolicy.Local : TrafficPolicy.Cluster;

    /// <summary><c>IPv4</c> or <c>IPv6</c>, as EndpointSlice <c>addressType</c> and Service <c>ipFamilies</c> write it.</summary>
    public static string FamilyName(IpFamily family) => family == IpFamily.V6 ? "IPv6" : "IPv4";
}
