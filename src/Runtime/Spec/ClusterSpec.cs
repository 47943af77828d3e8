using System;
using NatDsl.Dsl;
using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>
/// Everything the compiler needs to know about one node: kube-proxy's settings, the services
/// (in declaration order) with their endpoints, the plugin's masquerade rules and whether
/// kubelet's own chains are present.
/// </summary>
public sealed record ClusterSpec
{
    /// <summary>kube-proxy's settings.</summary>
    public ProxierSettings Settings { get; init; } = new ProxierSettings();

    /// <summary>The services, in declaration order.</summary>
    public ValueList<ServiceSpec> Services { get; init; } = ValueList<ServiceSpec>.Empty;

    /// <summary>The network plugin's masquerade rules.</summary>
    public MasqueradeSpec Masquerade { get; init; } = new MasqueradeSpec();

    /// <summary>
    /// Whether kubelet's chains are on the node (default true): KUBE-MARK-DROP and KUBE-FIREWALL
    /// for V1_12, KUBE-FIREWALL and KUBE-KUBELET-CANARY for Current. Self-contained output only.
    /// </summary>
    public bool KubeletChains { get; init; } = true;

    /// <summary>
    /// Runs <paramref name="define"/> on a new <see cref="ClusterBuilder"/> and returns the
    /// validated spec; throws <see cref="SpecValidationException"/> listing every error.
    /// </summary>
    public static ClusterSpec Build(Action<ClusterBuilder> define)
    {
        if (define is null) throw new ArgumentNullException(nameof(define));
        var builder = new ClusterBuilder();
        define(builder);
        return builder.Build();
    }
}
