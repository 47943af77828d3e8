namespace NatDsl.Spec;

/// <summary>A port of an endpoint, by the name of the service port it serves (empty for the unnamed port).</summary>
public sealed record EndpointPortSpec
{
    /// <summary>The service port name this port serves.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The port on the endpoint (1–65535).</summary>
    public int Port { get; init; }
}
