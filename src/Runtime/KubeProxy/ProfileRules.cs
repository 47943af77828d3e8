using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>
/// What distinguishes one kube-proxy generation's rules from another's, as data: names and
/// comments, probability text, the fixed chains and hooks, and which rule shape each feature
/// takes. The planner and the emitter consult it; there is no per-profile copy of either.
/// </summary>
public sealed class ProfileRules
{
    private ProfileRules(KubeProxyProfile profile)
    {
        Profile = profile;
    }

    /// <summary>kube-proxy 1.12–1.16.</summary>
    public static ProfileRules V1_12 { get; } = new ProfileRules(KubeProxyProfile.V1_12)
    {
        AlwaysColonInPortName = true,
        ProbabilityDecimals = 5,
        CommentsOnEndpointRules = false,
        EndpointInServiceComments = false,
        LargeClusterEndpointThreshold = 0,
        Postrouting = PostroutingForm.MarkMatchMasquerade,
        LocalPolicy = LocalPolicyStyle.ExternalLoadBalancerChain,
        Forward = ForwardChainForm.ClusterCidrConntrack,
        TerminatingEndpoints = false,
        InternalTrafficPolicy = false,
        LoadBalancerIPModes = false,
        HealthCheckNodePortRules = false,
        LocalhostNodePortRules = false,
        Canaries = false,
        FilterChains = new[] { KubeChains.Services, KubeChains.ExternalServices, KubeChains.Forward }.ToValueList(),
        NatChains = new[] { KubeChains.Services, KubeChains.NodePorts, KubeChains.Postrouting, KubeChains.MarkMasq }.ToValueList(),
        JumpHooks = new[]
        {
            new JumpHook("filter", "INPUT", KubeChains.ExternalServices, "kubernetes externally-visible service portals", true),
            new JumpHook("filter", "FORWARD", KubeChains.Services, "kubernetes service portals", true),
            new JumpHook("filter", "OUTPUT", KubeChains.Services, "kubernetes service portals", true),
            new JumpHook("filter", "INPUT", KubeChains.Services, "kubernetes service portals", true),
            new JumpHook("filter", "FORWARD", KubeChains.Forward, "kubernetes forwarding rules", false),
            new JumpHook("nat", "OUTPUT", KubeChains.Services, "kubernetes service portals", false),
            new JumpHook("nat", "PREROUTING", KubeChains.Services, "kubernetes service portals", false),
            new JumpHook("nat", "POSTROUTING", KubeChains.Postrouting, "kubernetes postrouting rules", false),
        }.ToValueList(),
        KubeletDuplicateHooks = ValueList<JumpHook>.Empty,
    };

    /// <summary>kube-proxy today.</summary>
    public static ProfileRules Current { get; } = new ProfileRules(KubeProxyProfile.Current)
    {
        AlwaysColonInPortName = false,
        ProbabilityDecimals = 10,
        CommentsOnEndpointRules = true,
        EndpointInServiceComments = true,
        LargeClusterEndpointThreshold = 1000,
        Postrouting = PostroutingForm.ReturnXorMasquerade,
        LocalPolicy = LocalPolicyStyle.ExternalChain,
        Forward = ForwardChainForm.SingleConntrack,
        TerminatingEndpoints = true,
        InternalTrafficPolicy = true,
        LoadBalancerIPModes = true,
        HealthCheckNodePortRules = true,
        LocalhostNodePortRules = true,
        Canaries = true,
        FilterChains = new[] { KubeChains.Services, KubeChains.ExternalServices, KubeChains.Forward, KubeChains.NodePorts, KubeChains.ProxyFirewall }.ToValueList(),
        NatChains = new[] { KubeChains.Services, KubeChains.NodePorts, KubeChains.Postrouting, KubeChains.MarkMasq }.ToValueList(),
        JumpHooks = new[]
        {
            new JumpHook("filter", "INPUT", KubeChains.ExternalServices, "kubernetes externally-visible service portals", true),
            new JumpHook("filter", "FORWARD", KubeChains.ExternalServices, "kubernetes externally-visible service portals", true),
            new JumpHook("filter", "INPUT", KubeChains.NodePorts, "kubernetes health check service ports", false),
            new JumpHook("filter", "FORWARD", KubeChains.Services, "kubernetes service portals", true),
            new JumpHook("filter", "OUTPUT", KubeChains.Services, "kubernetes service portals", true),
            new JumpHook("filter", "FORWARD", KubeChains.Forward, "kubernetes forwarding rules", false),
            new JumpHook("filter", "INPUT", KubeChains.ProxyFirewall, "kubernetes load balancer firewall", true),
            new JumpHook("filter", "OUTPUT", KubeChains.ProxyFirewall, "kubernetes load balancer firewall", true),
            new JumpHook("filter", "FORWARD", KubeChains.ProxyFirewall, "kubernetes load balancer firewall", true),
            new JumpHook("nat", "OUTPUT", KubeChains.Services, "kubernetes service portals", false),
            new JumpHook("nat", "PREROUTING", KubeChains.Services, "kubernetes service portals", false),
            new JumpHook("nat", "POSTROUTING", KubeChains.Postrouting, "kubernetes postrouting rules", false),
        }.ToValueList(),
        KubeletDuplicateHooks = new[]
        {
            new JumpHook("filter", "INPUT", KubeChains.Firewall, null, false),
            new JumpHook("filter", "OUTPUT", KubeChains.Firewall, null, false),
        }.ToValueList(),
    };

    /// <summary>The rules of a profile.</summary>
    public static ProfileRules For(KubeProxyProfile profile) => profile == KubeProxyProfile.V1_12 ? V1_12 : Current;

    /// <summary>The profile described.</summary>
    public KubeProxyProfile Profile { get; }

    /// <summary>Whether the service port name always has the colon (<c>ns/svc:</c> for an unnamed port, ≤ v1.18).</summary>
    public bool AlwaysColonInPortName { get; private init; }

    /// <summary>Decimals of the probability kube-proxy writes: 5 (<c>%0.5f</c>, ≤ v1.16) or 10.</summary>
    public int ProbabilityDecimals { get; private init; }

    /// <summary>Whether SVC→SEP and SEP rules carry a comment (lost in v1.12–1.16).</summary>
    public bool CommentsOnEndpointRules { get; private init; }

    /// <summary>Whether SVC/SVL→SEP comments name the endpoint (<c>"N -> E"</c>) rather than just the service port.</summary>
    public bool EndpointInServiceComments { get; private init; }

    /// <summary>Above this many endpoints the endpoint-rule comments are left out; 0 for never.</summary>
    public int LargeClusterEndpointThreshold { get; private init; }

    /// <summary>The shape of KUBE-POSTROUTING.</summary>
    public PostroutingForm Postrouting { get; private init; }

    /// <summary>How Local policy and external destinations are implemented.</summary>
    public LocalPolicyStyle LocalPolicy { get; private init; }

    /// <summary>The shape of filter KUBE-FORWARD.</summary>
    public ForwardChainForm Forward { get; private init; }

    /// <summary>Whether serving+terminating endpoints are used when no ready endpoint is left (else only ready endpoints exist).</summary>
    public bool TerminatingEndpoints { get; private init; }

    /// <summary>Whether <c>internalTrafficPolicy</c> is honoured.</summary>
    public bool InternalTrafficPolicy { get; private init; }

    /// <summary>Whether load-balancer ingress entries with ipMode Proxy are skipped.</summary>
    public bool LoadBalancerIPModes { get; private init; }

    /// <summary>Whether filter KUBE-NODEPORTS gets health-check node port ACCEPT rules.</summary>
    public bool HealthCheckNodePortRules { get; private init; }

    /// <summary>
    /// Whether localhost NodePorts are handled (nfacct NodePort rule, KUBE-FIREWALL localnet
    /// rule, loopback exclusion on the nodeport tail rule).
    /// </summary>
    public bool LocalhostNodePortRules { get; private init; }

    /// <summary>Whether the monitor's empty canary chains exist (self-contained output).</summary>
    public bool Canaries { get; private init; }

    /// <summary>The filter chains kube-proxy always declares, in its order.</summary>
    public ValueList<string> FilterChains { get; private init; } = ValueList<string>.Empty;

    /// <summary>The nat chains kube-proxy always declares, in its order.</summary>
    public ValueList<string> NatChains { get; private init; } = ValueList<string>.Empty;

    /// <summary>kube-proxy's <c>iptablesJumpChains</c>, in the order it ensures them (each prepended).</summary>
    public ValueList<JumpHook> JumpHooks { get; private init; } = ValueList<JumpHook>.Empty;

    /// <summary>kube-proxy's copies of kubelet's hooks (<c>iptablesKubeletJumpChains</c>), ensured after <see cref="JumpHooks"/>.</summary>
    public ValueList<JumpHook> KubeletDuplicateHooks { get; private init; } = ValueList<JumpHook>.Empty;

    /// <summary>
    /// The service port name string: <c>ns/name:port</c>; for an unnamed port <c>ns/name:</c>
    /// when <see cref="AlwaysColonInPortName"/>, else <c>ns/name</c>.
    /// </summary>
    public string ServicePortName(string ns, string name, string portName) =>
        portName.Length > 0 || AlwaysColonInPortName ? ns + "/" + name + ":" + portName : ns + "/" + name;
}
