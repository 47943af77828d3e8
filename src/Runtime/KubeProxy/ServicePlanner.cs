using System;
using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>
/// Turns a validated <see cref="ClusterSpec"/> into a <see cref="ClusterPlan"/>: the decisions
/// kube-proxy takes per service port before it writes any rule (kube-proxy's service and
/// endpoint change trackers, <c>CategorizeEndpoints</c> and the booleans at the top of its
/// per-service loop).
/// </summary>
public static class ServicePlanner
{
    /// <summary>Service ports per piece when a large cluster is planned on several threads.</summary>
    private const int PortsPerPiece = 512;

    /// <summary>Plans every service port of <paramref name="spec"/> (which must be valid).</summary>
    public static ClusterPlan Plan(ClusterSpec spec) => Plan(spec, null);

    /// <summary>
    /// Plans every service port of <paramref name="spec"/> (which must be valid), a large
    /// cluster's ports on up to <paramref name="threads"/> threads (all cores when null): each
    /// port's plan depends only on its service and the settings, and they keep their order.
    /// </summary>
    public static ClusterPlan Plan(ClusterSpec spec, int? threads)
    {
        if (spec is null) throw new ArgumentNullException(nameof(spec));
        var settings = spec.Settings;
        var rules = ProfileRules.For(settings.Profile);

        var services = new List<ServiceSpec>();
        var portSpecs = new List<ServicePortSpec>();
        foreach (var service in spec.Services)
        {
            foreach (var port in service.Ports)
            {
                services.Add(service);
                portSpecs.Add(port);
            }
        }
        var plans = new ServicePortPlan[portSpecs.Count];
        var pieces = (plans.Length + PortsPerPiece - 1) / PortsPerPiece;
        if (pieces < 4 || (threads ?? Environment.ProcessorCount) < 2)
        {
            for (var i = 0; i < plans.Length; i++) plans[i] = PlanPort(settings, rules, services[i], portSpecs[i]);
        }
        else
        {
            NatDsl.Threading.PieceWork.Run(pieces, threads, piece =>
            {
                var end = Math.Min(plans.Length, (piece + 1) * PortsPerPiece);
                for (var i = piece * PortsPerPiece; i < end; i++) plans[i] = PlanPort(settings, rules, services[i], portSpecs[i]);
            });
        }
        var ports = ValueList<ServicePortPlan>.Own(plans);

        var totalEndpoints = 0;
        foreach (var p in ports) totalEndpoints += p.Endpoints.Count;

        var nodePorts = PlanNodePortAddresses(settings, rules);
        return new ClusterPlan
        {
            Rules = rules,
            Family = settings.Family,
            MasqueradeMark = settings.MasqueradeMark,
            MasqueradeAll = settings.MasqueradeAll,
            LocalTrafficCidr = settings.ClusterCidr,
            PrimaryNodeIP = settings.PrimaryNodeIP,
            LocalhostNodePorts = nodePorts.LocalhostNodePorts,
            NodePortsMatchAll = nodePorts.MatchAll,
            NodePortIPs = nodePorts.Addresses,
            LargeClusterMode = rules.LargeClusterEndpointThreshold > 0 && totalEndpoints > rules.LargeClusterEndpointThreshold,
            RandomFully = settings.RandomFully,
            Nfacct = settings.Nfacct,
            ConntrackTcpBeLiberal = settings.ConntrackTcpBeLiberal,
            ServicePorts = ports,
        };
    }

    private static ServicePortPlan PlanPort(ProxierSettings settings, ProfileRules rules, ServiceSpec service, ServicePortSpec port)
    {
        var n = rules.ServicePortName(service.Namespace, service.Name, port.Name);
        var protocol = ProtocolInfo.Name(port.Protocol);

        var endpoints = CollectEndpoints(settings, rules, service, port, n, protocol);

        var lbIPs = new List<IpAddress>();
        foreach (var ingress in service.LoadBalancerIngress)
        {
            if (rules.LoadBalancerIPModes && ingress.IPMode != LoadBalancerIPMode.VIP) continue;
            lbIPs.Add(ingress.IP);
        }

        var externallyAccessible = port.NodePort != 0 || lbIPs.Count > 0 || service.ExternalIPs.Count > 0;
        bool externalPolicyLocal;
        if (rules.LocalPolicy == LocalPolicyStyle.ExternalLoadBalancerChain)
        {
            // RequestsOnlyLocalTraffic: NodePort or LoadBalancer services with Local policy.
            externalPolicyLocal = service.ExternalTrafficPolicy == TrafficPolicy.Local
                && (service.Type == ServiceType.NodePort || service.Type == ServiceType.LoadBalancer);
        }
        else
        {
            var accessibleByType = service.Type == ServiceType.NodePort || service.Type == ServiceType.LoadBalancer
                || (service.Type == ServiceType.ClusterIP && service.ExternalIPs.Count > 0);
            externalPolicyLocal = accessibleByType && service.ExternalTrafficPolicy == TrafficPolicy.Local;
        }
        var internalPolicyLocal = rules.InternalTrafficPolicy && service.InternalTrafficPolicy == TrafficPolicy.Local;

        var allowFromNode = false;
        if (settings.PrimaryNodeIP is IpAddress nodeIP)
        {
            foreach (var range in service.LoadBalancerSourceRanges)
            {
                if (range.Contains(nodeIP)) allowFromNode = true;
            }
        }

        // One hash names all of the port's chains (they differ by prefix only).
        var hash = ChainHashing.PortProtoHash(n, protocol);
        var plan = new ServicePortPlan
        {
            Namespace = service.Namespace,
            ServiceName = service.Name,
            PortName = port.Name,
            ServicePortName = n,
            Protocol = port.Protocol,
            ClusterIP = service.ClusterIP ?? default,
            Port = port.Port,
            NodePort = port.NodePort,
            ExternalIPs = service.ExternalIPs,
            LoadBalancerIPs = lbIPs.ToValueList(),
            SourceRanges = service.LoadBalancerSourceRanges,
            AllowFromNode = allowFromNode,
            HealthCheckNodePort = rules.HealthCheckNodePortRules && service.Type == ServiceType.LoadBalancer && externalPolicyLocal
                ? service.HealthCheckNodePort
                : 0,
            AffinitySeconds = service.SessionAffinity == SessionAffinity.ClientIP ? service.SessionAffinityTimeoutSeconds : null,
            ExternalPolicyLocal = externalPolicyLocal,
            InternalPolicyLocal = internalPolicyLocal,
            ExternallyAccessible = externallyAccessible,
            Endpoints = endpoints.ToValueList(),
            ClusterChain = ChainHashing.ServicePrefix + hash,
            LocalChain = (rules.LocalPolicy == LocalPolicyStyle.ExternalLoadBalancerChain ? ChainHashing.ExternalLocalPrefix : ChainHashing.LocalServicePrefix) + hash,
            ExternalChain = ChainHashing.ExternalPrefix + hash,
            FirewallChain = ChainHashing.FirewallPrefix + hash,
        };

        return rules.LocalPolicy == LocalPolicyStyle.ExternalLoadBalancerChain ? DecideLegacy(plan) : Decide(plan);
    }

    /// <summary>The position of endpoint <paramref name="e"/> in the list, or -1.</summary>
    private static int IndexOf(List<EndpointPlan> list, ref Dictionary<string, int>? index, string e)
    {
        if (index is null && list.Count >= 16)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++) index[list[i].Endpoint] = i;
        }
        if (index is not null) return index.TryGetValue(e, out var at) ? at : -1;
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i].Endpoint, e, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static List<EndpointPlan> CollectEndpoints(ProxierSettings settings, ProfileRules rules, ServiceSpec service, ServicePortSpec port, string n, string protocol)
    {
        var list = new List<EndpointPlan>();
        Dictionary<string, int>? index = null;  // built once the list is long; short lists are searched
        foreach (var endpoint in service.Endpoints)
        {
            // Before EndpointSlices only ready addresses were proxied.
            if (!rules.TerminatingEndpoints && !endpoint.Ready) continue;
            foreach (var ep in endpoint.Ports)
            {
                if (!string.Equals(ep.Name, port.Name, StringComparison.Ordinal)) continue;
                var e = Endpoints.JoinHostPort(endpoint.Address, ep.Port);
                var plan = new EndpointPlan
                {
                    Address = endpoint.Address,
                    Port = ep.Port,
                    Endpoint = e,
                    ChainName = ChainHashing.EndpointChain(n, protocol, e),
                    IsLocal = settings.NodeName is not null && string.Equals(endpoint.NodeName, settings.NodeName, StringComparison.Ordinal),
                    Ready = endpoint.Ready,
                    Serving = endpoint.Serving,
                    Terminating = endpoint.Terminating,
                };
                var at = IndexOf(list, ref index, e);
                if (at >= 0)
                {
                    // A duplicate: the first stays unless a later one is not terminating.
                    if (rules.TerminatingEndpoints && !plan.Terminating) list[at] = plan;
                }
                else
                {
                    if (index is not null) index[e] = list.Count;
                    list.Add(plan);
                }
            }
        }

        if (rules.TerminatingEndpoints)
        {
            // EndpointSlice cache: sorted by the endpoint string.
            list.Sort((a, b) => string.CompareOrdinal(a.Endpoint, b.Endpoint));
        }
        else
        {
            // Endpoints controller: addresses sorted by IP string.
            list.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Address.ToString(), b.Address.ToString());
                return c != 0 ? c : a.Port.CompareTo(b.Port);
            });
        }
        return list;
    }

    private static ServicePortPlan DecideLegacy(ServicePortPlan p)
    {
        var local = new List<EndpointPlan>();
        if (p.ExternalPolicyLocal)
        {
            foreach (var e in p.Endpoints)
            {
                if (e.IsLocal) local.Add(e);
            }
        }
        var hasEndpoints = p.Endpoints.Count > 0;
        return p with
        {
            ClusterEndpoints = p.Endpoints,
            LocalEndpoints = local.ToValueList(),
            ReachableEndpoints = p.Endpoints,
            HasEndpoints = hasEndpoints,
            HasInternalEndpoints = hasEndpoints,
            HasExternalEndpoints = hasEndpoints,
            UsesClusterChain = hasEndpoints,
            UsesLocalChain = p.ExternalPolicyLocal,
            UsesExternalChain = false,
            UsesFirewallChain = hasEndpoints && p.LoadBalancerIPs.Count > 0,
        };
    }

    private static ServicePortPlan Decide(ServicePortPlan p)
    {
        var usesClusterEndpoints = !p.InternalPolicyLocal || p.ExternallyAccessible;
        var usesLocalEndpoints = p.InternalPolicyLocal || (p.ExternalPolicyLocal && p.ExternallyAccessible);

        var cluster = new List<EndpointPlan>();
        var hasAny = false;
        if (usesClusterEndpoints)
        {
            foreach (var e in p.Endpoints)
            {
                if (e.Ready) cluster.Add(e);
            }
            if (cluster.Count == 0)
            {
                foreach (var e in p.Endpoints)
                {
                    if (e.Serving && e.Terminating) cluster.Add(e);
                }
            }
            hasAny = cluster.Count > 0;
        }

        var local = new List<EndpointPlan>();
        List<EndpointPlan> reachable;
        if (!usesLocalEndpoints)
        {
            reachable = cluster;
        }
        else
        {
            bool localReady = false, localServingTerminating = false;
            foreach (var e in p.Endpoints)
            {
                if (e.Ready)
                {
                    hasAny = true;
                    if (e.IsLocal) localReady = true;
                }
                else if (e.Serving && e.Terminating)
                {
                    hasAny = true;
                    if (e.IsLocal) localServingTerminating = true;
                }
            }
            var useServingTerminating = false;
            if (localReady)
            {
                foreach (var e in p.Endpoints)
                {
                    if (e.IsLocal && e.Ready) local.Add(e);
                }
            }
            else if (localServingTerminating)
            {
                useServingTerminating = true;
                foreach (var e in p.Endpoints)
                {
                    if (e.IsLocal && e.Serving && e.Terminating) local.Add(e);
                }
            }

            if (!usesClusterEndpoints)
            {
                reachable = local;
            }
            else if (!useServingTerminating)
            {
                reachable = cluster;
            }
            else
            {
                reachable = new List<EndpointPlan>(cluster);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var e in cluster) seen.Add(e.Endpoint);
                foreach (var e in local)
                {
                    if (seen.Add(e.Endpoint)) reachable.Add(e);
                }
            }
        }

        var hasEndpoints = hasAny;
        return p with
        {
            ClusterEndpoints = cluster.ToValueList(),
            LocalEndpoints = local.ToValueList(),
            ReachableEndpoints = reachable.ToValueList(),
            HasEndpoints = hasEndpoints,
            HasInternalEndpoints = hasEndpoints && !(p.InternalPolicyLocal && local.Count == 0),
            HasExternalEndpoints = hasEndpoints && !(p.ExternalPolicyLocal && local.Count == 0),
            UsesClusterChain = cluster.Count > 0 && usesClusterEndpoints,
            UsesLocalChain = local.Count > 0 && usesLocalEndpoints,
            UsesExternalChain = hasEndpoints && p.ExternallyAccessible,
            UsesFirewallChain = hasEndpoints && p.LoadBalancerIPs.Count > 0 && p.SourceRanges.Count > 0,
        };
    }

    private readonly struct NodePortAddressPlan
    {
        public NodePortAddressPlan(bool matchAll, ValueList<IpAddress> addresses, bool localhostNodePorts)
        {
            MatchAll = matchAll;
            Addresses = addresses;
            LocalhostNodePorts = localhostNodePorts;
        }

        public bool MatchAll { get; }

        public ValueList<IpAddress> Addresses { get; }

        public bool LocalhostNodePorts { get; }
    }

    private static NodePortAddressPlan PlanNodePortAddresses(ProxierSettings settings, ProfileRules rules)
    {
        var family = settings.Family;
        var loopback = family == IpFamily.V4 ? IpAddress.Parse("127.0.0.1") : IpAddress.Parse("::1");
        var ipv4LoopbackStart = IpAddress.Parse("127.0.0.0");

        // The node's interface addresses: loopback first, then the configured node IPs.
        var interfaceAddresses = new List<IpAddress> { loopback };
        foreach (var ip in settings.NodeIPs)
        {
            if (!interfaceAddresses.Contains(ip)) interfaceAddresses.Add(ip);
        }

        List<IpNetwork> cidrs;
        bool matchAll;
        var localhost = false;
        if (rules.LocalhostNodePortRules)
        {
            // NewNodePortAddresses: CIDRs of the proxier's family; none means the zero CIDR.
            cidrs = new List<IpNetwork>();
            foreach (var cidr in settings.NodePortAddresses)
            {
                if (cidr.Family == family) cidrs.Add(cidr);
            }
            if (cidrs.Count == 0) cidrs.Add(IpNetwork.Any(family));
            var containsV4Loopback = false;
            matchAll = false;
            foreach (var cidr in cidrs)
            {
                if (cidr.Family == IpFamily.V4 && (cidr.Contains(ipv4LoopbackStart) || IpNetwork.Parse("127.0.0.0/8").Contains(cidr.Address)))
                {
                    containsV4Loopback = true;
                }
                if (cidr.IsAny)
                {
                    matchAll = true;
                    break;
                }
            }

            // NewProxier turns localhost NodePorts off when the addresses exclude IPv4 loopback;
            // the IPv6 proxier never has them.
            localhost = settings.LocalhostNodePorts && containsV4Loopback && family == IpFamily.V4;
        }
        else
        {
            cidrs = new List<IpNetwork>(settings.NodePortAddresses);
            matchAll = cidrs.Count == 0;
            foreach (var cidr in cidrs)
            {
                if (cidr.IsAny) matchAll = true;
            }
        }

        var addresses = new List<IpAddress>();
        if (!matchAll)
        {
            foreach (var cidr in cidrs)
            {
                foreach (var ip in interfaceAddresses)
                {
                    if (ip.Family != family || !cidr.Contains(ip) || addresses.Contains(ip)) continue;
                    var isLoopback = family == IpFamily.V4 ? IpNetwork.Parse("127.0.0.0/8").Contains(ip) : ip == loopback;
                    if (rules.LocalhostNodePortRules && isLoopback && (family == IpFamily.V6 || !localhost)) continue;
                    addresses.Add(ip);
                }
            }
        }
        return new NodePortAddressPlan(matchAll, addresses.ToValueList(), localhost);
    }
}
