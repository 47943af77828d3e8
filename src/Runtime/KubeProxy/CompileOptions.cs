namespace NatDsl.KubeProxy;

/// <summary>Options of <see cref="KubeProxyCompiler"/>.</summary>
public sealed record CompileOptions
{
    /// <summary>The defaults: kube-proxy's own --noflush content.</summary>
    public static CompileOptions Default { get; } = new CompileOptions();

    /// <summary>
    /// False (default): only the chains kube-proxy declares in its restore script. True: the
    /// whole filter and nat tables of the node as iptables-save would show them — built-in
    /// chains with kube-proxy's, kubelet's and the plugin's hook rules, kubelet's chains,
    /// the plugin's masquerade rules, user chains sorted by name.
    /// </summary>
    public bool SelfContained { get; init; }

    /// <summary>
    /// How many threads may write a large cluster's service rules (null, the default: one per
    /// core; 1: the calling thread only). The rules are the same whatever the number.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
