namespace NatDsl.Tests.Kernel;

/// <summary>Where a probe's connections come from.</summary>
public enum ClientKind
{
    /// <summary>The client namespace's own address, outside the cluster CIDR.</summary>
    Outside,

    /// <summary>An address inside the cluster CIDR in the client namespace (a pod on another node).</summary>
    Pod,

    /// <summary>127.0.0.1 on the node itself (a localhost NodePort).</summary>
    Localhost,
}
