namespace NatDsl.Spec;

/// <summary>One entry of a service's <c>spec.ports</c>.</summary>
public sealed record ServicePortSpec
{
    /// <summary>The port name; empty for an unnamed port (allowed only when the service has one port).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; init; } = Protocol.Tcp;

    /// <summary>The service port (1–65535).</summary>
    public int Port { get; init; }

    /// <summary>The target port (informational: kube-proxy DNATs to the endpoint's port); 0 when not given.</summary>
    public int TargetPort { get; init; }

    /// <summary>The node port; 0 when none.</summary>
    public int NodePort { get; init; }
}
