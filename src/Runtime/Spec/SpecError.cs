namespace NatDsl.Spec;

/// <summary>One problem in a <see cref="ClusterSpec"/>: where it is and what is wrong.</summary>
/// <param name="Service">The service (<c>namespace/name</c>), or null for a node-level setting.</param>
/// <param name="Field">The field path, Kubernetes style (<c>spec.ports[1].nodePort</c>, <c>settings.clusterCIDR</c>).</param>
/// <param name="Message">What is wrong.</param>
public sealed record SpecError(string? Service, string Field, string Message)
{
    /// <summary><c>service: field: message</c>, or <c>cluster: field: message</c> for node settings.</summary>
    public override string ToString() => (Service ?? "cluster") + ": " + Field + ": " + Message;
}
