using System.Collections.Generic;
using System.Text;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// Writes an <see cref="ImportedCluster"/> as a <c>[NatRuleSet]</c> static partial class with a
/// <c>Define</c> method: settings that differ from the defaults, services in order, masquerade
/// rules; the notes as comments. Mirrors <see cref="ClusterSpecFactory"/> call for call.
/// </summary>
internal static class DslWriter
{
    private const string Indent = "        ";
    private const string ServiceIndent = "            ";

    /// <summary>The C# source; lines end with <c>\n</c>.</summary>
    /// <param name="cluster">The imported cluster.</param>
    /// <param name="className">The class name, optionally with a namespace (<c>Ns.Name</c>).</param>
    /// <param name="header">Lines for the header comment (source, round trip…), written before the notes.</param>
    public static string Write(ImportedCluster cluster, string className, IReadOnlyList<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header) CSharpText.Comment(text, string.Empty, line);
        CSharpText.Comment(text, string.Empty, "kube-proxy profile " + ServiceAssembler.ProfileName(cluster.Profile) + ": " + string.Join("; ", cluster.ProfileEvidence) + ".");
        text.Append("//\n// What the dump does not tell, and what this file assumes:\n");
        foreach (var note in cluster.Notes) CSharpText.Comment(text, string.Empty, note, "- ", "  ");
        text.Append('\n');
        text.Append("using NatDsl.Dsl;\n");
        if (cluster.Family != IpFamily.V4) text.Append("using NatDsl.Model;\n");
        text.Append("using NatDsl.Spec;\n\n");

        var dot = className.LastIndexOf('.');
        if (dot > 0) text.Append("namespace ").Append(className.Substring(0, dot)).Append(";\n\n");
        text.Append("[NatRuleSet]\n");
        text.Append("public static partial class ").Append(className.Substring(dot + 1)).Append('\n');
        text.Append("{\n");
        text.Append("    static void Define(ClusterBuilder cluster) => cluster\n");
        var calls = Calls(cluster);
        for (var i = 0; i < calls.Count; i++)
        {
            text.Append(calls[i]);
            text.Append(i == calls.Count - 1 ? ";\n" : "\n");
        }
        text.Append("}\n");
        return text.ToString();
    }

    private static List<string> Calls(ImportedCluster c)
    {
        var calls = new List<string>();
        void Call(string call) => calls.Add(Indent + "." + call);

        Call("KubeProxy(KubeProxyProfile." + ServiceAssembler.ProfileName(c.Profile) + ")");
        if (c.Family != IpFamily.V4) Call("IPFamily(IpFamily." + c.Family + ")");
        if (c.NodeName is not null) Call("NodeName(" + CSharpText.String(c.NodeName) + ")");
        foreach (var ip in c.NodeIPs) Call("NodeIP(" + CSharpText.String(ip) + ")");
        if (c.ClusterCidr is not null) Call("ClusterCidr(" + CSharpText.String(c.ClusterCidr) + ")");
        if (c.MasqueradeAll) Call("MasqueradeAll()");
        if (c.MasqueradeBit != 14) Call("MasqueradeBit(" + CSharpText.Int(c.MasqueradeBit) + ")");
        if (c.NodePortAddresses.Count > 0) Call("NodePortAddresses(" + CSharpText.Strings(c.NodePortAddresses) + ")");
        if (c.NodePortRange is { } range) Call("NodePortRange(" + CSharpText.Int(range.First) + ", " + CSharpText.Int(range.Last) + ")");
        if (!c.LocalhostNodePorts) Call("LocalhostNodePorts(false)");
        if (!c.RandomFully) Call("RandomFully(false)");
        if (c.ConntrackTcpBeLiberal) Call("ConntrackTcpBeLiberal()");
        if (!c.Nfacct) Call("Nfacct(false)");
        if (!c.KubeletChains) Call("KubeletChains(false)");
        foreach (var service in c.Services) calls.Add(Service(service));
        if (c.PodNetwork is not null)
        {
            Call("Masquerade(m => m.PodNetwork(" + CSharpText.String(c.PodNetwork) + ")" +
                (c.NodeSubnet is null ? string.Empty : ".NodeSubnet(" + CSharpText.String(c.NodeSubnet) + ")") + ")");
        }
        if (c.NonMasqueradeCidrs is not null) Call("NonMasqueradeCidrs(" + CSharpText.Strings(c.NonMasqueradeCidrs) + ")");
        return calls;
    }

    private static string Service(ImportedService s)
    {
        var text = new StringBuilder();
        foreach (var note in s.Notes) CSharpText.Comment(text, Indent, s.FullName + ": " + note, string.Empty, "  ");
        text.Append(Indent).Append(".Service(").Append(CSharpText.String(s.FullName)).Append(", svc => svc");
        void Call(string call) => text.Append('\n').Append(ServiceIndent).Append('.').Append(call);

        if (s.Type != ServiceType.ClusterIP) Call("Type(ServiceType." + s.Type + ")");
        Call("ClusterIP(" + CSharpText.String(s.ClusterIP!) + ")");
        foreach (var port in s.Ports)
        {
            var args = (port.Name.Length == 0 ? string.Empty : CSharpText.String(port.Name) + ", ") + CSharpText.Int(port.Port) + ", Protocol." + port.Protocol;
            if (port.NodePort != 0) args += ", nodePort: " + CSharpText.Int(port.NodePort);
            Call("Port(" + args + ")");
        }
        if (s.ExternalIPs.Count > 0) Call("ExternalIPs(" + CSharpText.Strings(s.ExternalIPs) + ")");
        foreach (var ip in s.LoadBalancerIPs) Call("LoadBalancerIngress(" + CSharpText.String(ip) + ")");
        if (s.SourceRanges.Count > 0) Call("LoadBalancerSourceRanges(" + CSharpText.Strings(s.SourceRanges) + ")");
        if (s.ExternalTrafficPolicy != TrafficPolicy.Cluster) Call("ExternalTrafficPolicy(TrafficPolicy." + s.ExternalTrafficPolicy + ")");
        if (s.InternalTrafficPolicy != TrafficPolicy.Cluster) Call("InternalTrafficPolicy(TrafficPolicy." + s.InternalTrafficPolicy + ")");
        if (s.HealthCheckNodePort != 0) Call("HealthCheckNodePort(" + CSharpText.Int(s.HealthCheckNodePort) + ")");
        if (s.AffinitySeconds is int seconds) Call("SessionAffinity(SessionAffinity.ClientIP, " + CSharpText.Int(seconds) + ")");
        foreach (var group in EndpointGrouping.Group(s))
        {
            if (group.Detailed is not { } endpoint)
            {
                Call("Endpoints(" + CSharpText.Int(group.Port) + ", " + CSharpText.Strings(group.Addresses) + ")");
                continue;
            }
            var inner = new StringBuilder("e => e");
            foreach (var port in endpoint.Ports)
            {
                inner.Append(".Port(").Append(port.Key.Length == 0 ? string.Empty : CSharpText.String(port.Key) + ", ").Append(CSharpText.Int(port.Value)).Append(')');
            }
            if (endpoint.Node is not null) inner.Append(".Node(").Append(CSharpText.String(endpoint.Node)).Append(')');
            Call("Endpoint(" + CSharpText.String(endpoint.Address) + ", " + inner + ")");
        }
        text.Append(')');
        return text.ToString();
    }
}
