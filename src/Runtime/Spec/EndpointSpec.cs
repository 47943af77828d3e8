using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>One endpoint of a service (an EndpointSlice endpoint, or an Endpoints address).</summary>
public sealed record EndpointSpec
{
    /// <summary>The endpoint's address.</summary>
    public IpAddress Address { get; init; }

    /// <summary>The ports this endpoint serves, by service port name.</summary>
    public ValueList<EndpointPortSpec> Ports { get; init; } = ValueList<EndpointPortSpec>.Empty;

    /// <summary>The <c>ready</c> condition (default true). V1_12 uses only ready endpoints.</summary>
    public bool Ready { get; init; } = true;

    /// <summary>The <c>serving</c> condition (default true).</summary>
    public bool Serving { get; init; } = true;

    /// <summary>The <c>terminating</c> condition (default false).</summary>
    public bool Terminating { get; init; }

    /// <summary>The node the endpoint runs on; null when unknown (never local).</summary>
    public string? NodeName { get; init; }
}
