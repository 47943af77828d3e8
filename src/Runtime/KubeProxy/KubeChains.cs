namespace NatDsl.KubeProxy;

/// <summary>The fixed chain names used by kube-proxy, kubelet and the network plugins.</summary>
public static class KubeChains
{
    /// <summary>KUBE-SERVICES (nat and filter).</summary>
    public const string Services = "KUBE-SERVICES";

    /// <summary>KUBE-EXTERNAL-SERVICES (filter).</summary>
    public const string ExternalServices = "KUBE-EXTERNAL-SERVICES";

    /// <summary>KUBE-NODEPORTS (nat and, Current profile, filter).</summary>
    public const string NodePorts = "KUBE-NODEPORTS";

    /// <summary>KUBE-POSTROUTING (nat).</summary>
    public const string Postrouting = "KUBE-POSTROUTING";

    /// <summary>KUBE-MARK-MASQ (nat).</summary>
    public const string MarkMasq = "KUBE-MARK-MASQ";

    /// <summary>KUBE-MARK-DROP (nat, kubelet; V1_12 profile).</summary>
    public const string MarkDrop = "KUBE-MARK-DROP";

    /// <summary>KUBE-FORWARD (filter).</summary>
    public const string Forward = "KUBE-FORWARD";

    /// <summary>KUBE-PROXY-FIREWALL (filter, Current profile).</summary>
    public const string ProxyFirewall = "KUBE-PROXY-FIREWALL";

    /// <summary>KUBE-FIREWALL (filter; kubelet's, duplicated by current kube-proxy).</summary>
    public const string Firewall = "KUBE-FIREWALL";

    /// <summary>KUBE-PROXY-CANARY (empty; Current profile, self-contained output).</summary>
    public const string ProxyCanary = "KUBE-PROXY-CANARY";

    /// <summary>KUBE-KUBELET-CANARY (empty; Current profile with kubelet chains, self-contained output).</summary>
    public const string KubeletCanary = "KUBE-KUBELET-CANARY";

    /// <summary>IP-MASQ-AGENT (nat, ip-masq-agent).</summary>
    public const string IpMasqAgent = "IP-MASQ-AGENT";

    /// <summary>The longest chain name iptables accepts.</summary>
    public const int MaxChainNameLength = 28;

    /// <summary>The longest comment iptables accepts, in bytes.</summary>
    public const int MaxCommentBytes = 255;
}
