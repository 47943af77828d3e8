namespace NatDsl.Spec;

/// <summary>The protocol of a service port (Kubernetes <c>spec.ports[].protocol</c>).</summary>
public enum Protocol
{
    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,

    /// <summary>SCTP.</summary>
    Sctp,
}
