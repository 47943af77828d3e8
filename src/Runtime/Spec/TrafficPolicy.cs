namespace NatDsl.Spec;

/// <summary>Kubernetes <c>externalTrafficPolicy</c> / <c>internalTrafficPolicy</c>.</summary>
public enum TrafficPolicy
{
    /// <summary>Cluster (the default): any ready endpoint.</summary>
    Cluster,

    /// <summary>Local: only endpoints on this node.</summary>
    Local,
}
