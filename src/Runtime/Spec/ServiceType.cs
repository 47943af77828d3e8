namespace NatDsl.Spec;

/// <summary>Kubernetes <c>spec.type</c> of a service (ExternalName services are not proxied and not modelled).</summary>
public enum ServiceType
{
    /// <summary>ClusterIP (the default).</summary>
    ClusterIP,

    /// <summary>NodePort.</summary>
    NodePort,

    /// <summary>LoadBalancer.</summary>
    LoadBalancer,
}
