using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NatDsl.KubeProxy;
using NatDsl.Model;

namespace NatDsl.Spec;

/// <summary>
/// Checks a <see cref="ClusterSpec"/> and returns every problem, each with its service and
/// field path: ports and node ports out of range, duplicate services and port names, unnamed
/// ports in multi-port services, names that are not DNS-1123 labels, endpoint ports naming no
/// service port, addresses of the wrong family, and chain names or comments iptables would
/// refuse. Malformed addresses are reported where text is parsed (the DSL builder).
/// </summary>
public static class SpecValidator
{
    /// <summary>All problems of <paramref name="spec"/>; empty when it is valid.</summary>
    public static ValueList<SpecError> Validate(ClusterSpec spec)
    {
        if (spec is null) throw new ArgumentNullException(nameof(spec));
        var errors = new List<SpecError>();
        ValidateSettings(spec.Settings, errors);
        ValidateMasquerade(spec, errors);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodePorts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Services.Count; i++)
        {
            var service = spec.Services[i];
            var name = service.FullName;
            if (seen.TryGetValue(name, out var first))
            {
                errors.Add(new SpecError(name, "metadata.name", "duplicate service: " + name + " is already declared as service #" + Text(first + 1)));
            }
            else
            {
                seen[name] = i;
            }
            ValidateService(spec.Settings, service, nodePorts, errors);
        }
        return errors.ToValueList();
    }

    private static void ValidateSettings(ProxierSettings s, List<SpecError> errors)
    {
        var family = s.Family;
        if (s.MasqueradeBit < 0 || s.MasqueradeBit > 31) errors.Add(new SpecError(null, "settings.masqueradeBit", Text(s.MasqueradeBit) + " is not a bit number 0-31"));
        if (s.PrimaryNodeIP is IpAddress primary && primary.Family != family)
        {
            errors.Add(new SpecError(null, "settings.nodeIPs[0]", FamilyMismatch(primary.ToString(), primary.Family, family) + " (the first node IP is the primary one)"));
        }
        if (s.ClusterCidr is IpNetwork cidr && cidr.Family != family) errors.Add(new SpecError(null, "settings.clusterCIDR", FamilyMismatch(cidr.ToString(), cidr.Family, family)));
        if (s.NodePortRange.First < 1 || s.NodePortRange.First > s.NodePortRange.Last)
        {
            errors.Add(new SpecError(null, "settings.nodePortRange", s.NodePortRange + " is not a port range within 1-65535"));
        }
        if (s.NodeName is not null && s.NodeName.Length == 0) errors.Add(new SpecError(null, "settings.nodeName", "must not be empty"));
    }

    private static void ValidateMasquerade(ClusterSpec spec, List<SpecError> errors)
    {
        var family = spec.Settings.Family;
        var m = spec.Masquerade;
        if (m.PodNetwork is IpNetwork network && network.Family != family) errors.Add(new SpecError(null, "masquerade.podNetwork", FamilyMismatch(network.ToString(), network.Family, family)));
        if (m.NodeSubnet is IpNetwork subnet)
        {
            if (subnet.Family != family) errors.Add(new SpecError(null, "masquerade.nodeSubnet", FamilyMismatch(subnet.ToString(), subnet.Family, family)));
            else if (m.PodNetwork is not IpNetwork pods) errors.Add(new SpecError(null, "masquerade.nodeSubnet", "needs masquerade.podNetwork (flannel's network)"));
            else if (pods.Family == subnet.Family && (!pods.Contains(subnet.Address) || subnet.PrefixLength < pods.PrefixLength))
            {
                errors.Add(new SpecError(null, "masquerade.nodeSubnet", subnet + " is not inside the pod network " + pods));
            }
        }
        if (m.NonMasqueradeCidrs is not null)
        {
            for (var i = 0; i < m.NonMasqueradeCidrs.Count; i++)
            {
                var c = m.NonMasqueradeCidrs[i];
                if (c.Family != family) errors.Add(new SpecError(null, "masquerade.nonMasqueradeCIDRs[" + Text(i) + "]", FamilyMismatch(c.ToString(), c.Family, family)));
            }
        }
    }

    private static void ValidateService(ProxierSettings settings, ServiceSpec service, Dictionary<string, string> nodePorts, List<SpecError> errors)
    {
        var name = service.FullName;
        var family = settings.Family;
        void Error(string field, string message) => errors.Add(new SpecError(name, field, message));

        if (!DnsLabel.IsValid(service.Namespace)) Error("metadata.namespace", Quote(service.Namespace) + " is not a DNS-1123 label (lower-case alphanumerics and '-', at most 63)");
        if (!DnsLabel.IsValid(service.Name)) Error("metadata.name", Quote(service.Name) + " is not a DNS-1123 label (lower-case alphanumerics and '-', at most 63)");

        if (service.ClusterIP is not IpAddress clusterIP) Error("spec.clusterIP", "is required");
        else if (clusterIP.Family != family) Error("spec.clusterIP", FamilyMismatch(clusterIP.ToString(), clusterIP.Family, family));

        if (service.Ports.Count == 0) Error("spec.ports", "at least one port is required");
        var portNames = new Dictionary<string, int>(StringComparer.Ordinal);
        var portKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < service.Ports.Count; i++)
        {
            var port = service.Ports[i];
            var path = "spec.ports[" + Text(i) + "]";
            if (port.Name.Length == 0)
            {
                if (service.Ports.Count > 1) Error(path + ".name", "is required when the service has more than one port");
            }
            else if (!DnsLabel.IsValid(port.Name))
            {
                Error(path + ".name", Quote(port.Name) + " is not a DNS-1123 label");
            }
            if (portNames.TryGetValue(port.Name, out var other))
            {
                if (port.Name.Length > 0) Error(path + ".name", "duplicate port name " + Quote(port.Name) + " (also spec.ports[" + Text(other) + "])");
            }
            else
            {
                portNames[port.Name] = i;
            }

            if (port.Port < 1 || port.Port > 65535) Error(path + ".port", Text(port.Port) + " is outside 1-65535");
            if (port.TargetPort < 0 || port.TargetPort > 65535) Error(path + ".targetPort", Text(port.TargetPort) + " is outside 1-65535");
            var key = Text(port.Port) + "/" + port.Protocol;
            if (portKeys.TryGetValue(key, out var same)) Error(path, "duplicate port " + Text(port.Port) + "/" + ProtocolInfo.Name(port.Protocol).ToUpperInvariant() + " (also spec.ports[" + Text(same) + "])");
            else portKeys[key] = i;

            if (port.NodePort != 0)
            {
                if (service.Type == ServiceType.ClusterIP) Error(path + ".nodePort", "a node port needs type NodePort or LoadBalancer");
                if (!settings.NodePortRange.Contains(port.NodePort)) Error(path + ".nodePort", Text(port.NodePort) + " is outside the node port range " + RangeText(settings.NodePortRange));
                var nodeKey = Text(port.NodePort) + "/" + port.Protocol;
                if (nodePorts.TryGetValue(nodeKey, out var owner)) Error(path + ".nodePort", "node port " + Text(port.NodePort) + "/" + ProtocolInfo.Name(port.Protocol).ToUpperInvariant() + " is already used by " + owner);
                else nodePorts[nodeKey] = name + " " + path;
            }
        }

        for (var i = 0; i < service.ExternalIPs.Count; i++)
        {
            var ip = service.ExternalIPs[i];
            if (ip.Family != family) Error("spec.externalIPs[" + Text(i) + "]", FamilyMismatch(ip.ToString(), ip.Family, family));
        }
        for (var i = 0; i < service.LoadBalancerIngress.Count; i++)
        {
            var ip = service.LoadBalancerIngress[i].IP;
            var path = "status.loadBalancer.ingress[" + Text(i) + "].ip";
            if (service.Type != ServiceType.LoadBalancer) Error(path, "load-balancer ingress needs type LoadBalancer");
            if (ip.Family != family) Error(path, FamilyMismatch(ip.ToString(), ip.Family, family));
        }
        for (var i = 0; i < service.LoadBalancerSourceRanges.Count; i++)
        {
            var range = service.LoadBalancerSourceRanges[i];
            if (range.Family != family) Error("spec.loadBalancerSourceRanges[" + Text(i) + "]", FamilyMismatch(range.ToString(), range.Family, family));
        }
        if (service.HealthCheckNodePort < 0 || service.HealthCheckNodePort > 65535) Error("spec.healthCheckNodePort", Text(service.HealthCheckNodePort) + " is outside 1-65535");
        if (service.SessionAffinity == SessionAffinity.ClientIP && (service.SessionAffinityTimeoutSeconds < 1 || service.SessionAffinityTimeoutSeconds > 86400))
        {
            Error("spec.sessionAffinityConfig.clientIP.timeoutSeconds", Text(service.SessionAffinityTimeoutSeconds) + " is outside 1-86400");
        }

        for (var i = 0; i < service.Endpoints.Count; i++)
        {
            // Paths are built only for errors: a large cluster has hundreds of thousands of endpoint ports.
            var endpoint = service.Endpoints[i];
            string Path() => "endpoints[" + Text(i) + "]";
            if (endpoint.Address.Family != family) Error(Path() + ".address", FamilyMismatch(endpoint.Address.ToString(), endpoint.Address.Family, family));
            if (endpoint.Ports.Count == 0) Error(Path() + ".ports", "at least one port is required");
            var names = endpoint.Ports.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
            for (var j = 0; j < endpoint.Ports.Count; j++)
            {
                var ep = endpoint.Ports[j];
                string PortPath() => Path() + ".ports[" + Text(j) + "]";
                if (!portNames.ContainsKey(ep.Name)) Error(PortPath() + ".name", (ep.Name.Length == 0 ? "the unnamed port" : "port name " + Quote(ep.Name)) + " matches no service port");
                if (names is not null && !names.Add(ep.Name)) Error(PortPath() + ".name", "duplicate port name " + Quote(ep.Name));
                if (ep.Port < 1 || ep.Port > 65535) Error(PortPath() + ".port", Text(ep.Port) + " is outside 1-65535");
            }
        }

        ValidateNames(settings, service, errors);
    }

    /// <summary>Chain names (≤ 28 characters) and comments (≤ 255 bytes) the profile would write for each port.</summary>
    private static void ValidateNames(ProxierSettings settings, ServiceSpec service, List<SpecError> errors)
    {
        var rules = ProfileRules.For(settings.Profile);
        for (var i = 0; i < service.Ports.Count; i++)
        {
            var port = service.Ports[i];
            var path = "spec.ports[" + Text(i) + "]";
            var n = rules.ServicePortName(service.Namespace, service.Name, port.Name);

            // Every chain name below is a prefix of at most 9 characters and a 16-character hash, and
            // every comment is n plus a fixed text: when the longest fixed text fits, nothing below
            // can be too long, and the hash and the comments need not be made.
            if (ChainNamesAlwaysFit && Encoding.UTF8.GetByteCount(n) + LongestFixedCommentBytes <= KubeChains.MaxCommentBytes) continue;
            var protocol = ProtocolInfo.Name(port.Protocol);
            var hash = ChainHashing.PortProtoHash(n, protocol);
            var fw = ChainHashing.FirewallPrefix + hash;
            var chains = new List<string>
            {
                ChainHashing.ServicePrefix + hash, ChainHashing.LocalServicePrefix + hash, ChainHashing.ExternalPrefix + hash,
                fw, ChainHashing.ExternalLocalPrefix + hash,
            };
            foreach (var chain in chains)
            {
                if (chain.Length > KubeChains.MaxChainNameLength) errors.Add(new SpecError(service.FullName, path, "chain name " + chain + " is longer than " + Text(KubeChains.MaxChainNameLength) + " characters"));
            }

            var comments = new List<string>
            {
                ServiceComments.ClusterIP(n), ServiceComments.ExternalIP(n), ServiceComments.LoadBalancerIP(n), ServiceComments.NoEndpoints(n),
                ServiceComments.NoLocalEndpoints(n), ServiceComments.HealthCheckNodePort(n), ServiceComments.NotAcceptedByFirewall(n, fw),
                ServiceComments.OtherTrafficDropped(n), ServiceComments.MasqueradeExternal(n), ServiceComments.PodTrafficExternal(n),
                ServiceComments.MasqueradeLocalExternal(n), ServiceComments.RouteLocalExternal(n),
            };
            // "n -> host:port" is at most n + 4 + 53 bytes ("[v6]:" and any int port): skip building them when that fits.
            var endpointCommentsFit = Encoding.UTF8.GetByteCount(n) + 4 + 53 <= KubeChains.MaxCommentBytes;
            foreach (var endpoint in endpointCommentsFit ? ValueList<EndpointSpec>.Empty : service.Endpoints)
            {
                foreach (var ep in endpoint.Ports)
                {
                    if (string.Equals(ep.Name, port.Name, StringComparison.Ordinal)) comments.Add(ServiceComments.ToEndpoint(n, Endpoints.JoinHostPort(endpoint.Address, ep.Port)));
                }
            }
            string? longest = null;
            foreach (var comment in comments)
            {
                if (Encoding.UTF8.GetByteCount(comment) > KubeChains.MaxCommentBytes && (longest is null || comment.Length > longest.Length)) longest = comment;
            }
            if (longest is not null)
            {
                errors.Add(new SpecError(service.FullName, path, "the comment \"" + longest + "\" is " + Text(Encoding.UTF8.GetByteCount(longest)) + " bytes; iptables allows " + Text(KubeChains.MaxCommentBytes)));
            }
        }
    }

    /// <summary>True when every per-service chain name (prefix + 16 hash characters) is within the limit.</summary>
    private static readonly bool ChainNamesAlwaysFit =
        Math.Max(Math.Max(ChainHashing.ServicePrefix.Length, ChainHashing.LocalServicePrefix.Length), Math.Max(Math.Max(ChainHashing.ExternalPrefix.Length, ChainHashing.FirewallPrefix.Length), ChainHashing.ExternalLocalPrefix.Length))
        + ChainHashing.Hash(string.Empty).Length <= KubeChains.MaxChainNameLength;

    /// <summary>The most bytes a service port comment adds to the port's name (endpoint comments: " -> [v6]:port", at most 57).</summary>
    private static readonly int LongestFixedCommentBytes = FixedCommentBytes();

    private static int FixedCommentBytes()
    {
        var fw = ChainHashing.FirewallPrefix + ChainHashing.Hash(string.Empty);
        var fixedParts = new[]
        {
            ServiceComments.ClusterIP(string.Empty), ServiceComments.ExternalIP(string.Empty), ServiceComments.LoadBalancerIP(string.Empty), ServiceComments.NoEndpoints(string.Empty),
            ServiceComments.NoLocalEndpoints(string.Empty), ServiceComments.HealthCheckNodePort(string.Empty), ServiceComments.NotAcceptedByFirewall(string.Empty, fw),
            ServiceComments.OtherTrafficDropped(string.Empty), ServiceComments.MasqueradeExternal(string.Empty), ServiceComments.PodTrafficExternal(string.Empty),
            ServiceComments.MasqueradeLocalExternal(string.Empty), ServiceComments.RouteLocalExternal(string.Empty),
        };
        var longest = 4 + 53;
        foreach (var text in fixedParts) longest = Math.Max(longest, Encoding.UTF8.GetByteCount(text));
        return longest;
    }

    private static string FamilyMismatch(string value, IpFamily actual, IpFamily expected) =>
        value + " is " + FamilyName(actual) + " but the proxier family is " + FamilyName(expected);

    private static string FamilyName(IpFamily family) => family == IpFamily.V6 ? "IPv6" : family == IpFamily.V4 ? "IPv4" : "not an address";

    private static string RangeText(PortRange range) => Text(range.First) + "-" + Text(range.Last);

    private static string Quote(string text) => "\"" + text + "\"";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
