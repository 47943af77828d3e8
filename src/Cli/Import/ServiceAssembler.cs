using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>
/// Turns the port drafts into services: service and port order merged from the chains that show
/// them, per-service fields gathered from every port, endpoints read from the DNAT targets of the
/// endpoint chains, and chain names checked against kube-proxy's hashing for the profile.
/// </summary>
internal static class ServiceAssembler
{
    public static void Assemble(ImportedCluster cluster, Table? nat, ServiceRuleReader reader)
    {
        var rules = ProfileRules.For(cluster.Profile);
        var (portOrder, portsConsistent) = OrderMerge.Merge(reader.Sequences);

        var serviceSequences = new List<IReadOnlyList<string>>();
        foreach (var sequence in reader.Sequences)
        {
            var names = new List<string>();
            foreach (var key in sequence)
            {
                var name = ServiceName(reader.Ports[key].ServicePortName);
                if (names.Count == 0 || names[names.Count - 1] != name) names.Add(name);
            }
            serviceSequences.Add(names);
        }
        var (serviceOrder, servicesConsistent) = OrderMerge.Merge(serviceSequences);
        if (!servicesConsistent || !portsConsistent)
        {
            cluster.Notes.Add("The chains list the services in contradicting orders (a dump sorted like kube-proxy's unit tests?): the order of first appearance is kept.");
        }

        foreach (var serviceName in serviceOrder)
        {
            var drafts = new List<PortDraft>();
            foreach (var key in portOrder)
            {
                var draft = reader.Ports[key];
                if (ServiceName(draft.ServicePortName) == serviceName) drafts.Add(draft);
            }
            var service = Build(serviceName, drafts, nat, reader, rules, cluster);
            if (service is not null) cluster.Services.Add(service);
        }
    }

    private static string ServiceName(string servicePortName)
    {
        var (ns, name, _) = ServiceCommentText.Split(servicePortName);
        return ns + "/" + name;
    }

    private static ImportedService? Build(string fullName, List<PortDraft> drafts, Table? nat, ServiceRuleReader reader, ProfileRules rules, ImportedCluster cluster)
    {
        var slash = fullName.IndexOf('/');
        var service = new ImportedService(fullName.Substring(0, slash), fullName.Substring(slash + 1));

        foreach (var draft in drafts)
        {
            if (draft.ClusterIP is { } ip)
            {
                var text = ip.ToString();
                if (service.ClusterIP is null) service.ClusterIP = text;
                else if (service.ClusterIP != text) service.Notes.Add("Ports show different cluster IPs (" + service.ClusterIP + ", " + text + "): the first is kept.");
            }
        }
        if (service.ClusterIP is null)
        {
            cluster.Notes.Add("Service " + fullName + " is left out: its rules show no cluster IP.");
            return null;
        }

        var hasNodePort = false;
        var anyEndpoints = false;
        var chainMismatch = false;
        var order = new List<string>();
        var endpoints = new Dictionary<string, (bool Local, List<KeyValuePair<string, int>> Ports)>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            if (draft.Port == 0)
            {
                service.Notes.Add("The port " + Quote(draft.PortName) + "/" + ProtocolInfo.Name(draft.Protocol) + " shows no service port number; 1 is written.");
            }
            service.Ports.Add(new ImportedPort(draft.PortName, draft.Port == 0 ? 1 : draft.Port, draft.Protocol, draft.NodePort));
            if (draft.NodePort != 0) hasNodePort = true;
            foreach (var ip in draft.ExternalIPs) AddOnce(service.ExternalIPs, ip.ToString());
            foreach (var ip in draft.LoadBalancerIPs) AddOnce(service.LoadBalancerIPs, ip.ToString());
            foreach (var range in draft.SourceRanges) AddOnce(service.SourceRanges, range.ToString());
            if (draft.ExternalLocal) service.ExternalTrafficPolicy = TrafficPolicy.Local;
            if (draft.InternalLocal && cluster.Profile == KubeProxyProfile.Current) service.InternalTrafficPolicy = TrafficPolicy.Local;
            if (draft.AffinitySeconds is int seconds) service.AffinitySeconds = seconds;
            if (draft.AllowFromNode) service.AllowFromNode = true;
            if (reader.HealthCheckNodePorts.TryGetValue(draft.ServicePortName, out var health)) service.HealthCheckNodePort = health;
            if (draft.AmbiguousExternalAddresses)
            {
                service.Notes.Add("Without endpoints, external IPs and load-balancer IPs leave the same REJECT rule: " + string.Join(", ", service.ExternalIPs) + " are declared as external IPs.");
            }

            var n = rules.ServicePortName(service.Namespace, service.Name, draft.PortName);
            var protocol = ProtocolInfo.Name(draft.Protocol);
            if (n != draft.ServicePortName || (draft.ServiceChain is { } svc && svc != ChainHashing.ServiceChain(n, protocol))) chainMismatch = true;

            if (nat is null) continue;
            foreach (var (chainName, local) in EndpointChains(draft))
            {
                if (!TryReadEndpoint(nat, chainName, out var address, out var port))
                {
                    service.Notes.Add("The endpoint chain " + chainName + " has no DNAT rule; it is left out.");
                    continue;
                }
                anyEndpoints = true;
                if (chainName != ChainHashing.EndpointChain(n, protocol, Endpoints.JoinHostPort(address, port))) chainMismatch = true;
                var key = address.ToString();
                if (!endpoints.TryGetValue(key, out var entry))
                {
                    entry = (local, new List<KeyValuePair<string, int>>());
                    endpoints[key] = entry;
                    order.Add(key);
                }
                else if (local && !entry.Local)
                {
                    entry = (true, entry.Ports);
                    endpoints[key] = entry;
                }
                var known = entry.Ports.FindIndex(p => p.Key == draft.PortName);
                if (known < 0) entry.Ports.Add(new KeyValuePair<string, int>(draft.PortName, port));
                else if (entry.Ports[known].Value != port) service.Notes.Add("Endpoint " + key + " serves port " + Quote(draft.PortName) + " on several ports; " + entry.Ports[known].Value.ToString(CultureInfo.InvariantCulture) + " is kept.");
            }
        }
        foreach (var key in order)
        {
            var (local, ports) = endpoints[key];
            service.Endpoints.Add(new ImportedEndpoint(key, local ? DumpImporter.LocalNodeName : null, ports));
        }

        if (service.LoadBalancerIPs.Count > 0 || service.HealthCheckNodePort != 0) service.Type = ServiceType.LoadBalancer;
        else if (hasNodePort)
        {
            service.Type = ServiceType.NodePort;
            service.Notes.Add("Type NodePort: a LoadBalancer service without ingress IPs has the same rules.");
        }
        if (!anyEndpoints)
        {
            service.Notes.Add("No endpoints in the rules (kube-proxy writes only REJECT rules then): session affinity and traffic policies cannot be seen.");
        }
        if (chainMismatch)
        {
            service.Notes.Add("Its chain names are not the hashes the " + ProfileName(cluster.Profile) + " profile computes: the dump may come from another kube-proxy generation.");
        }
        return service;
    }

    private static IEnumerable<(string Chain, bool Local)> EndpointChains(PortDraft draft)
    {
        foreach (var chain in draft.ClusterEndpointChains) yield return (chain, draft.LocalEndpointChains.Contains(chain));
        foreach (var chain in draft.LocalEndpointChains)
        {
            if (!draft.ClusterEndpointChains.Contains(chain)) yield return (chain, true);
        }
    }

    private static bool TryReadEndpoint(Table nat, string chainName, out IpAddress address, out int port)
    {
        address = default;
        port = 0;
        foreach (var rule in nat.FindChain(chainName)?.Rules ?? ValueList<Rule>.Empty)
        {
            if (rule.Target is DnatTarget { Range: { MinAddress: { } ip, Ports: { } ports } })
            {
                address = ip;
                port = ports.First;
                return true;
            }
        }
        return false;
    }

    public static string ProfileName(KubeProxyProfile profile) => profile == KubeProxyProfile.V1_12 ? "V1_12" : "Current";

    private static string Quote(string portName) => portName.Length == 0 ? "(unnamed)" : "\"" + portName + "\"";

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }
}
