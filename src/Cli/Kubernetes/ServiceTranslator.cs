using System;
using System.Collections.Generic;
using System.Globalization;
using k8s.Models;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Turns a <c>v1 Service</c> into a <see cref="ServiceSpec"/> the way kube-proxy's service
/// change tracker does (<c>newBaseServiceInfo</c>), or skips it for the same reasons: excluded
/// by label, ExternalName, headless, no cluster IP of the proxier's family, no ports.
/// </summary>
internal sealed class ServiceTranslator
{
    private const int DefaultAffinitySeconds = 10800;

    private readonly ProxierSettings _settings;
    private readonly List<SkippedObject> _skipped;

    public ServiceTranslator(ProxierSettings settings, List<SkippedObject> skipped)
    {
        _settings = settings;
        _skipped = skipped;
    }

    private IpFamily Family => _settings.Family;

    /// <summary>The draft, or null when kube-proxy ignores the service (the reason is recorded).</summary>
    public ServiceDraft? Translate(LocatedObject<V1Service> located, string ns, string name)
    {
        var service = located.Value;
        var full = ns + "/" + name;
        void Skip(string reason) => _skipped.Add(new SkippedObject("Service", full, located.Location, reason));

        var excluded = ObjectLabels.ExcludedBySelector(service.Metadata);
        if (excluded is not null)
        {
            Skip(excluded);
            return null;
        }
        var spec = service.Spec;
        if (spec is null)
        {
            Skip("no spec");
            return null;
        }

        ServiceType type;
        switch (spec.Type)
        {
            case null:
            case "":
            case "ClusterIP":
                type = ServiceType.ClusterIP;
                break;
            case "NodePort":
                type = ServiceType.NodePort;
                break;
            case "LoadBalancer":
                type = ServiceType.LoadBalancer;
                break;
            case "ExternalName":
                Skip("type ExternalName: a DNS alias, kube-proxy writes no rules for it");
                return null;
            default:
                Skip("unknown type \"" + spec.Type + "\"");
                return null;
        }

        if (string.IsNullOrEmpty(spec.ClusterIP) || spec.ClusterIP == "None")
        {
            Skip(spec.ClusterIP == "None" ? "headless (clusterIP None): no virtual IP to proxy" : "no clusterIP");
            return null;
        }
        var clusterIP = ClusterIPOfFamily(spec, out var problem);
        if (clusterIP is null)
        {
            Skip(problem);
            return null;
        }

        var ports = new List<ServicePortSpec>();
        var namedTargets = new Dictionary<int, string>();
        var portList = spec.Ports ?? Array.Empty<V1ServicePort>();
        for (var i = 0; i < portList.Count; i++)
        {
            var port = portList[i];
            var path = "spec.ports[" + Text(i) + "]";
            if (port is null)
            {
                Skip(path + " is empty; ignored");
                continue;
            }
            var protocol = KubernetesValues.Protocol(port.Protocol);
            if (protocol is null)
            {
                Skip(path + ": protocol \"" + port.Protocol + "\" is not TCP, UDP or SCTP; port ignored");
                continue;
            }
            var target = port.Port;
            var targetText = port.TargetPort?.Value;
            if (!string.IsNullOrEmpty(targetText))
            {
                if (int.TryParse(targetText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) target = number;
                else
                {
                    target = 0;
                    namedTargets[ports.Count] = targetText!;
                }
            }
            ports.Add(new ServicePortSpec
            {
                Name = port.Name ?? string.Empty,
                Protocol = protocol.Value,
                Port = port.Port,
                TargetPort = target,
                NodePort = port.NodePort ?? 0,
            });
        }
        if (ports.Count == 0)
        {
            Skip("no ports: kube-proxy writes no rules for it");
            return null;
        }

        var affinity = string.Equals(spec.SessionAffinity, "ClientIP", StringComparison.Ordinal) ? SessionAffinity.ClientIP : SessionAffinity.None;
        var result = new ServiceSpec
        {
            Namespace = ns,
            Name = name,
            Type = type,
            ClusterIP = clusterIP,
            Ports = ports.ToValueList(),
            ExternalIPs = ExternalIPs(spec, Skip).ToValueList(),
            LoadBalancerIngress = Ingress(service, type, Skip).ToValueList(),
            LoadBalancerSourceRanges = SourceRanges(spec, Skip).ToValueList(),
            ExternalTrafficPolicy = KubernetesValues.Policy(spec.ExternalTrafficPolicy),
            InternalTrafficPolicy = KubernetesValues.Policy(spec.InternalTrafficPolicy),
            HealthCheckNodePort = spec.HealthCheckNodePort ?? 0,
            SessionAffinity = affinity,
            SessionAffinityTimeoutSeconds = spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds ?? DefaultAffinitySeconds,
        };
        return new ServiceDraft(result, located.Location, namedTargets);
    }

    /// <summary>
    /// kube-proxy's <c>GetClusterIPByFamily</c>: the first of <c>clusterIPs</c> of the proxier's
    /// family, or <c>clusterIP</c> when <c>clusterIPs</c> is absent (older API servers).
    /// </summary>
    private IpAddress? ClusterIPOfFamily(V1ServiceSpec spec, out string problem)
    {
        var candidates = spec.ClusterIPs is { Count: > 0 } ? spec.ClusterIPs : new[] { spec.ClusterIP };
        var bad = new List<string>();
        foreach (var text in candidates)
        {
            var ip = Addresses.Ip(text);
            if (ip is null)
            {
                bad.Add(text);
                continue;
            }
            if (ip.Value.Family == Family)
            {
                problem = string.Empty;
                return ip;
            }
        }
        problem = bad.Count > 0 && bad.Count == candidates.Count
            ? "clusterIP \"" + string.Join(",", bad) + "\" is not an IP address"
            : "no " + KubernetesValues.FamilyName(Family) + " cluster IP (clusterIPs " + string.Join(",", candidates) + "): served by the other family's proxier";
        return null;
    }

    private List<IpAddress> ExternalIPs(V1ServiceSpec spec, Action<string> skip)
    {
        var list = new List<IpAddress>();
        var ips = spec.ExternalIPs ?? Array.Empty<string>();
        for (var i = 0; i < ips.Count; i++)
        {
            var ip = Addresses.Ip(ips[i]);
            if (ip is null) skip("spec.externalIPs[" + Text(i) + "] \"" + ips[i] + "\" is not an IP address; ignored");
            else if (ip.Value.Family == Family) list.Add(ip.Value);
        }
        return list;
    }

    private List<IpNetwork> SourceRanges(V1ServiceSpec spec, Action<string> skip)
    {
        var list = new List<IpNetwork>();
        var ranges = spec.LoadBalancerSourceRanges ?? Array.Empty<string>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var cidr = Addresses.Cidr(ranges[i]);
            if (cidr is null) skip("spec.loadBalancerSourceRanges[" + Text(i) + "] \"" + ranges[i] + "\" is not a CIDR; ignored");
            else if (cidr.Value.Family == Family) list.Add(cidr.Value);
        }
        return list;
    }

    private List<LoadBalancerIngressSpec> Ingress(V1Service service, ServiceType type, Action<string> skip)
    {
        var list = new List<LoadBalancerIngressSpec>();
        var ingress = service.Status?.LoadBalancer?.Ingress ?? Array.Empty<V1LoadBalancerIngress>();
        for (var i = 0; i < ingress.Count; i++)
        {
            var entry = ingress[i];
            var path = "status.loadBalancer.ingress[" + Text(i) + "]";
            if (entry is null) continue;
            if (type != ServiceType.LoadBalancer)
            {
                skip(path + ": the Service is not of type LoadBalancer; ignored");
                continue;
            }
            if (string.IsNullOrEmpty(entry.Ip))
            {
                skip(path + " has no ip" + (string.IsNullOrEmpty(entry.Hostname) ? string.Empty : " (hostname " + entry.Hostname + ")") + ": kube-proxy writes no rule for it");
                continue;
            }
            var ip = Addresses.Ip(entry.Ip);
            if (ip is null)
            {
                skip(path + ".ip \"" + entry.Ip + "\" is not an IP address; ignored");
                continue;
            }
            if (ip.Value.Family != Family) continue;
            // kube-proxy's IsVIPMode: unset or "VIP" is VIP; any other mode gets no rule.
            var mode = entry.IpMode is null || entry.IpMode == "VIP" ? LoadBalancerIPMode.VIP : LoadBalancerIPMode.Proxy;
            list.Add(new LoadBalancerIngressSpec { IP = ip.Value, IPMode = mode });
        }
        return list;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
