using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NatDsl.Dsl;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Tests.Properties;

/// <summary>
/// A generated cluster declaration: every setting of <see cref="ClusterBuilder"/> and a list of
/// services. <see cref="Apply"/> declares it through the DSL; <see cref="ToString"/> prints the
/// same declaration as DSL code, so a failing case can be pasted into a test.
/// </summary>
public sealed record ClusterDraft
{
    public KubeProxyProfile Profile { get; init; }

    public IpFamily Family { get; init; } = IpFamily.V4;

    public string? NodeName { get; init; }

    public IReadOnlyList<string> NodeIPs { get; init; } = new List<string>();

    public string? ClusterCidr { get; init; }

    public bool MasqueradeAll { get; init; }

    public int MasqueradeBit { get; init; } = 14;

    public IReadOnlyList<string> NodePortAddresses { get; init; } = new List<string>();

    public KeyValuePair<int, int>? NodePortRange { get; init; }

    public bool LocalhostNodePorts { get; init; } = true;

    public bool RandomFully { get; init; } = true;

    public bool ConntrackTcpBeLiberal { get; init; }

    public bool Nfacct { get; init; } = true;

    public bool KubeletChains { get; init; } = true;

    public string? PodNetwork { get; init; }

    public string? NodeSubnet { get; init; }

    public IReadOnlyList<string>? NonMasqueradeCidrs { get; init; }

    public IReadOnlyList<ServiceDraft> Services { get; init; } = new List<ServiceDraft>();

    /// <summary>Compile the whole node (<c>CompileOptions.SelfContained</c>) rather than kube-proxy's restore content.</summary>
    public bool SelfContained { get; init; }

    /// <summary>Declares the draft on <paramref name="c"/>.</summary>
    public void Apply(ClusterBuilder c)
    {
        c.KubeProxy(Profile).IPFamily(Family).MasqueradeAll(MasqueradeAll).MasqueradeBit(MasqueradeBit)
            .LocalhostNodePorts(LocalhostNodePorts).RandomFully(RandomFully).ConntrackTcpBeLiberal(ConntrackTcpBeLiberal)
            .Nfacct(Nfacct).KubeletChains(KubeletChains);
        if (NodeName is not null) c.NodeName(NodeName);
        foreach (var ip in NodeIPs) c.NodeIP(ip);
        if (ClusterCidr is not null) c.ClusterCidr(ClusterCidr);
        if (NodePortAddresses.Count > 0) c.NodePortAddresses(NodePortAddresses.ToArray());
        if (NodePortRange is { } range) c.NodePortRange(range.Key, range.Value);
        if (PodNetwork is not null || NodeSubnet is not null)
        {
            c.Masquerade(m =>
            {
                if (PodNetwork is not null) m.PodNetwork(PodNetwork);
                if (NodeSubnet is not null) m.NodeSubnet(NodeSubnet);
            });
        }
        if (NonMasqueradeCidrs is not null) c.NonMasqueradeCidrs(NonMasqueradeCidrs.ToArray());
        foreach (var s in Services) c.Service(s.Namespace + "/" + s.Name, svc => ApplyService(s, svc));
    }

    private static void ApplyService(ServiceDraft s, ServiceBuilder svc)
    {
        svc.Type(s.Type).ClusterIP(s.ClusterIP).ExternalTrafficPolicy(s.ExternalPolicy).InternalTrafficPolicy(s.InternalPolicy)
            .HealthCheckNodePort(s.HealthCheckNodePort).SessionAffinity(s.Affinity, s.AffinityTimeout);
        foreach (var p in s.Ports) svc.Port(p.Name, p.Port, p.Protocol, p.NodePort, p.TargetPort);
        if (s.ExternalIPs.Count > 0) svc.ExternalIPs(s.ExternalIPs.ToArray());
        foreach (var i in s.Ingress) svc.LoadBalancerIngress(i.Key, i.Value);
        if (s.SourceRanges.Count > 0) svc.LoadBalancerSourceRanges(s.SourceRanges.ToArray());
        if (s.SimpleEndpoints is { } simple) svc.Endpoints(simple.Key, simple.Value.ToArray());
        foreach (var e in s.Endpoints)
        {
            svc.Endpoint(e.Address, ep =>
            {
                foreach (var port in e.Ports) ep.Port(port.Key, port.Value);
                ep.Ready(e.Ready).Serving(e.Serving).Terminating(e.Terminating);
                if (e.Node is not null) ep.Node(e.Node);
            });
        }
    }

    /// <summary>The declaration as DSL code.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("// SelfContained: ").Append(SelfContained ? "true" : "false").Append('\n');
        sb.Append("cluster.KubeProxy(KubeProxyProfile.").Append(Profile).Append(").IPFamily(IpFamily.").Append(Family).Append(')');
        sb.Append(".MasqueradeAll(").Append(B(MasqueradeAll)).Append(").MasqueradeBit(").Append(N(MasqueradeBit)).Append(')');
        sb.Append(".LocalhostNodePorts(").Append(B(LocalhostNodePorts)).Append(").RandomFully(").Append(B(RandomFully)).Append(')');
        sb.Append(".ConntrackTcpBeLiberal(").Append(B(ConntrackTcpBeLiberal)).Append(").Nfacct(").Append(B(Nfacct)).Append(").KubeletChains(").Append(B(KubeletChains)).Append(')');
        if (NodeName is not null) sb.Append("\n  .NodeName(").Append(S(NodeName)).Append(')');
        foreach (var ip in NodeIPs) sb.Append("\n  .NodeIP(").Append(S(ip)).Append(')');
        if (ClusterCidr is not null) sb.Append("\n  .ClusterCidr(").Append(S(ClusterCidr)).Append(')');
        if (NodePortAddresses.Count > 0) sb.Append("\n  .NodePortAddresses(").Append(string.Join(", ", NodePortAddresses.Select(S))).Append(')');
        if (NodePortRange is { } range) sb.Append("\n  .NodePortRange(").Append(N(range.Key)).Append(", ").Append(N(range.Value)).Append(')');
        if (PodNetwork is not null || NodeSubnet is not null)
        {
            sb.Append("\n  .Masquerade(m => m");
            if (PodNetwork is not null) sb.Append(".PodNetwork(").Append(S(PodNetwork)).Append(')');
            if (NodeSubnet is not null) sb.Append(".NodeSubnet(").Append(S(NodeSubnet)).Append(')');
            sb.Append(')');
        }
        if (NonMasqueradeCidrs is not null) sb.Append("\n  .NonMasqueradeCidrs(").Append(string.Join(", ", NonMasqueradeCidrs.Select(S))).Append(')');
        foreach (var s in Services)
        {
            sb.Append("\n  .Service(").Append(S(s.Namespace + "/" + s.Name)).Append(", svc => svc.Type(ServiceType.").Append(s.Type)
              .Append(").ClusterIP(").Append(S(s.ClusterIP)).Append(')');
            if (s.ExternalPolicy != TrafficPolicy.Cluster) sb.Append(".ExternalTrafficPolicy(TrafficPolicy.").Append(s.ExternalPolicy).Append(')');
            if (s.InternalPolicy != TrafficPolicy.Cluster) sb.Append(".InternalTrafficPolicy(TrafficPolicy.").Append(s.InternalPolicy).Append(')');
            if (s.HealthCheckNodePort != 0) sb.Append(".HealthCheckNodePort(").Append(N(s.HealthCheckNodePort)).Append(')');
            if (s.Affinity != SessionAffinity.None) sb.Append(".SessionAffinity(SessionAffinity.").Append(s.Affinity).Append(", ").Append(N(s.AffinityTimeout)).Append(')');
            foreach (var p in s.Ports)
            {
                sb.Append("\n      .Port(").Append(S(p.Name)).Append(", ").Append(N(p.Port)).Append(", Protocol.").Append(p.Protocol)
                  .Append(", nodePort: ").Append(N(p.NodePort)).Append(", targetPort: ").Append(N(p.TargetPort)).Append(')');
            }
            if (s.ExternalIPs.Count > 0) sb.Append("\n      .ExternalIPs(").Append(string.Join(", ", s.ExternalIPs.Select(S))).Append(')');
            foreach (var i in s.Ingress) sb.Append("\n      .LoadBalancerIngress(").Append(S(i.Key)).Append(", LoadBalancerIPMode.").Append(i.Value).Append(')');
            if (s.SourceRanges.Count > 0) sb.Append("\n      .LoadBalancerSourceRanges(").Append(string.Join(", ", s.SourceRanges.Select(S))).Append(')');
            if (s.SimpleEndpoints is { } simple) sb.Append("\n      .Endpoints(").Append(N(simple.Key)).Append(string.Concat(simple.Value.Select(v => ", " + S(v)))).Append(')');
            foreach (var e in s.Endpoints)
            {
                sb.Append("\n      .Endpoint(").Append(S(e.Address)).Append(", e => e");
                foreach (var port in e.Ports) sb.Append(".Port(").Append(S(port.Key)).Append(", ").Append(N(port.Value)).Append(')');
                sb.Append(".Ready(").Append(B(e.Ready)).Append(").Serving(").Append(B(e.Serving)).Append(").Terminating(").Append(B(e.Terminating)).Append(')');
                if (e.Node is not null) sb.Append(".Node(").Append(S(e.Node)).Append(')');
                sb.Append(')');
            }
            sb.Append(')');
        }
        return sb.Append(';').ToString();
    }

    private static string B(bool value) => value ? "true" : "false";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string S(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
