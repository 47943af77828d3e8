namespace NatDsl.Cli.Kubernetes;

/// <summary>A Kubernetes object read from an input, with where it starts there.</summary>
/// <typeparam name="T">The KubernetesClient model type (<c>V1Service</c>, <c>V1EndpointSlice</c>, <c>V1Endpoints</c>).</typeparam>
/// <param name="Value">The object.</param>
/// <param name="Location">Where the object starts.</param>
public sealed record LocatedObject<T>(T Value, SourceLocation Location)
    where T : class;
