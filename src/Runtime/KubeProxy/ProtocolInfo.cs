using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>Names and numbers of the service protocols.</summary>
public static class ProtocolInfo
{
    /// <summary>The lower-case name kube-proxy writes after <c>-m</c> and <c>-p</c> and hashes into chain names.</summary>
    public static string Name(Protocol protocol) => protocol switch
    {
        Protocol.Udp => "udp",
        Protocol.Sctp => "sctp",
        _ => "tcp",
    };

    /// <summary>The IP protocol number.</summary>
    public static int Number(Protocol protocol) => protocol switch
    {
        Protocol.Udp => 17,
        Protocol.Sctp => 132,
        _ => 6,
    };
}
