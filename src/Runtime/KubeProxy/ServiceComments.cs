namespace NatDsl.KubeProxy;

/// <summary>The comment texts kube-proxy writes, as iptables stores them (without quotes).</summary>
public static class ServiceComments
{
    /// <summary>"N cluster IP".</summary>
    public static string ClusterIP(string n) => n + " cluster IP";

    /// <summary>"N external IP".</summary>
    public static string ExternalIP(string n) => n + " external IP";

    /// <summary>"N loadbalancer IP".</summary>
    public static string LoadBalancerIP(string n) => n + " loadbalancer IP";

    /// <summary>"N has no endpoints".</summary>
    public static string NoEndpoints(string n) => n + " has no endpoints";

    /// <summary>"N has no local endpoints".</summary>
    public static string NoLocalEndpoints(string n) => n + " has no local endpoints";

    /// <summary>"N health check node port".</summary>
    public static string HealthCheckNodePort(string n) => n + " health check node port";

    /// <summary>"N traffic not accepted by KUBE-FW-…".</summary>
    public static string NotAcceptedByFirewall(string n, string firewallChain) => n + " traffic not accepted by " + firewallChain;

    /// <summary>"other traffic to N will be dropped by KUBE-PROXY-FIREWALL".</summary>
    public static string OtherTrafficDropped(string n) => "other traffic to " + n + " will be dropped by KUBE-PROXY-FIREWALL";

    /// <summary>"masquerade traffic for N external destinations".</summary>
    public static string MasqueradeExternal(string n) => "masquerade traffic for " + n + " external destinations";

    /// <summary>"pod traffic for N external destinations".</summary>
    public static string PodTrafficExternal(string n) => "pod traffic for " + n + " external destinations";

    /// <summary>"masquerade LOCAL traffic for N external destinations".</summary>
    public static string MasqueradeLocalExternal(string n) => "masquerade LOCAL traffic for " + n + " external destinations";

    /// <summary>"route LOCAL traffic for N external destinations".</summary>
    public static string RouteLocalExternal(string n) => "route LOCAL traffic for " + n + " external destinations";

    /// <summary>"N -> E".</summary>
    public static string ToEndpoint(string n, string endpoint) => n + " -> " + endpoint;

    /// <summary>"Balancing rule I for N" (V1_12 KUBE-XLB).</summary>
    public static string BalancingRule(int index, string n) =>
        "Balancing rule " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " for " + n;

    /// <summary>The KUBE-XLB redirect rule's comment.</summary>
    public const string RedirectToClusterIP = "Redirect pods trying to reach external loadbalancer VIP to clusterIP";

    /// <summary>Hook comment of nat PREROUTING/OUTPUT and filter KUBE-SERVICES jumps.</summary>
    public const string ServicePortals = "kubernetes service portals";

    /// <summary>Comment of the nodeport tail rule of nat KUBE-SERVICES.</summary>
    public const string NodePortsTail = "kubernetes service nodeports; NOTE: this must be the last rule in this chain";

    /// <summary>Comment of the MASQUERADE rule of KUBE-POSTROUTING.</summary>
    public const string TrafficRequiringSnat = "kubernetes service traffic requiring SNAT";

    /// <summary>Comment of the mark ACCEPT rule of KUBE-FORWARD.</summary>
    public const string ForwardingRules = "kubernetes forwarding rules";

    /// <summary>Comment of the conntrack ACCEPT rule of KUBE-FORWARD (Current).</summary>
    public const string ForwardingConntrack = "kubernetes forwarding conntrack rule";

    /// <summary>Comment of the source conntrack ACCEPT rule of KUBE-FORWARD (V1_12).</summary>
    public const string ForwardingConntrackPodSource = "kubernetes forwarding conntrack pod source rule";

    /// <summary>Comment of the destination conntrack ACCEPT rule of KUBE-FORWARD (V1_12).</summary>
    public const string ForwardingConntrackPodDestination = "kubernetes forwarding conntrack pod destination rule";

    /// <summary>Comment of the KUBE-FIREWALL localnet rule (Current).</summary>
    public const string BlockLocalnet = "block incoming localnet connections";

    /// <summary>Comment of kubelet's KUBE-FIREWALL drop rule (V1_12).</summary>
    public const string KubeletFirewallDrop = "kubernetes firewall for dropping marked packets";
}
