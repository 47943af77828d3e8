namespace NatDsl.Spec;

/// <summary>Kubernetes <c>spec.sessionAffinity</c>.</summary>
public enum SessionAffinity
{
    /// <summary>None (the default).</summary>
    None,

    /// <summary>ClientIP: the <c>recent</c> match keeps a client on one endpoint.</summary>
    ClientIP,
}
