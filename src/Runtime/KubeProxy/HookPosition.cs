namespace NatDsl.KubeProxy;

/// <summary>Where an ensured rule goes when it is missing.</summary>
public enum HookPosition
{
    /// <summary><c>iptables -I CHAIN 1</c> (kube-proxy and kubelet hooks).</summary>
    Prepend,

    /// <summary><c>iptables -A CHAIN</c> (flannel, ip-masq-agent).</summary>
    Append,
}
