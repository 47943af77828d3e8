using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Dsl;

/// <summary>
/// Declares one service: spec fields, load-balancer status and endpoints. Every argument is a
/// string, number, bool or enum so that the generator can read the calls as constants; each
/// method sets the spec field named in its documentation.
/// </summary>
public sealed class ServiceBuilder
{
    private readonly List<ServicePortSpec> _ports = new List<ServicePortSpec>();
    private readonly List<string> _externalIPs = new List<string>();
    private readonly List<KeyValuePair<string, LoadBalancerIPMode>> _ingress = new List<KeyValuePair<string, LoadBalancerIPMode>>();
    private readonly List<string> _sourceRanges = new List<string>();
    private readonly List<EndpointDraft> _endpoints = new List<EndpointDraft>();
    private string? _clusterIP;
    private ServiceType _type = ServiceType.ClusterIP;
    private TrafficPolicy _externalPolicy = TrafficPolicy.Cluster;
    private TrafficPolicy _internalPolicy = TrafficPolicy.Cluster;
    private int _healthCheckNodePort;
    private SessionAffinity _affinity = Spec.SessionAffinity.None;
    private int _affinityTimeout = 10800;

    internal ServiceBuilder()
    {
    }

    /// <summary><c>spec.clusterIP</c>.</summary>
    public ServiceBuilder ClusterIP(string address)
    {
        _clusterIP = address;
        return this;
    }

    /// <summary>Adds an unnamed port to <c>spec.ports</c> (allowed only as the service's single port).</summary>
    public ServiceBuilder Port(int port, Protocol protocol, int nodePort = 0, int targetPort = 0) =>
        Port(string.Empty, port, protocol, nodePort, targetPort);

    /// <summary>Adds a port to <c>spec.ports</c>: name, port, protocol, node port (0 for none) and target port (0 for none).</summary>
    public ServiceBuilder Port(string name, int port, Protocol protocol, int nodePort = 0, int targetPort = 0)
    {
        _ports.Add(new ServicePortSpec { Name = name ?? string.Empty, Port = port, Protocol = protocol, NodePort = nodePort, TargetPort = targetPort });
        return this;
    }

    /// <summary><c>spec.type</c>.</summary>
    public ServiceBuilder Type(ServiceType type)
    {
        _type = type;
        return this;
    }

    /// <summary>Appends to <c>spec.externalIPs</c>.</summary>
    public ServiceBuilder ExternalIPs(params string[] addresses)
    {
        _externalIPs.AddRange(addresses ?? Array.Empty<string>());
        return this;
    }

    /// <summary>Appends one entry to <c>status.loadBalancer.ingress</c> (ip and ipMode).</summary>
    public ServiceBuilder LoadBalancerIngress(string ip, LoadBalancerIPMode ipMode = LoadBalancerIPMode.VIP)
    {
        _ingress.Add(new KeyValuePair<string, LoadBalancerIPMode>(ip, ipMode));
        return this;
    }

    /// <summary>Appends to <c>spec.loadBalancerSourceRanges</c> (surrounding spaces are ignored, as kube-proxy does).</summary>
    public ServiceBuilder LoadBalancerSourceRanges(params string[] cidrs)
    {
        _sourceRanges.AddRange(cidrs ?? Array.Empty<string>());
        return this;
    }

    /// <summary><c>spec.externalTrafficPolicy</c>.</summary>
    public ServiceBuilder ExternalTrafficPolicy(TrafficPolicy policy)
    {
        _externalPolicy = policy;
        return this;
    }

    /// <summary><c>spec.internalTrafficPolicy</c>.</summary>
    public ServiceBuilder InternalTrafficPolicy(TrafficPolicy policy)
    {
        _internalPolicy = policy;
        return this;
    }

    /// <summary><c>spec.healthCheckNodePort</c>.</summary>
    public ServiceBuilder HealthCheckNodePort(int port)
    {
        _healthCheckNodePort = port;
        return this;
    }

    /// <summary><c>spec.sessionAffinity</c> and <c>spec.sessionAffinityConfig.clientIP.timeoutSeconds</c>.</summary>
    public ServiceBuilder SessionAffinity(SessionAffinity affinity, int timeoutSeconds = 10800)
    {
        _affinity = affinity;
        _affinityTimeout = timeoutSeconds;
        return this;
    }

    /// <summary>
    /// Adds ready endpoints with unknown node at <paramref name="addresses"/>, each serving every
    /// port of the service (whenever declared) on <paramref name="port"/>.
    /// </summary>
    public ServiceBuilder Endpoints(int port, params string[] addresses)
    {
        foreach (var address in addresses ?? Array.Empty<string>()) _endpoints.Add(new EndpointDraft(address, port, null));
        return this;
    }

    /// <summary>Adds one endpoint at <paramref name="address"/>, described by <paramref name="configure"/> (ports, node, conditions).</summary>
    public ServiceBuilder Endpoint(string address, Action<EndpointBuilder> configure)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        var endpoint = new EndpointBuilder();
        configure(endpoint);
        _endpoints.Add(new EndpointDraft(address, 0, endpoint));
        return this;
    }

    internal ServiceSpec ToSpec(string ns, string name, List<SpecError> errors)
    {
        var full = ns + "/" + name;
        var externalIPs = new List<IpAddress>();
        for (var i = 0; i < _externalIPs.Count; i++)
        {
            externalIPs.Add(SpecText.Address(_externalIPs[i], full, "spec.externalIPs[" + Text(i) + "]", errors) ?? default);
        }
        var ingress = new List<LoadBalancerIngressSpec>();
        for (var i = 0; i < _ingress.Count; i++)
        {
            var ip = SpecText.Address(_ingress[i].Key, full, "status.loadBalancer.ingress[" + Text(i) + "].ip", errors) ?? default;
            ingress.Add(new LoadBalancerIngressSpec { IP = ip, IPMode = _ingress[i].Value });
        }
        var ranges = new List<IpNetwork>();
        for (var i = 0; i < _sourceRanges.Count; i++)
        {
            ranges.Add(SpecText.Cidr(_sourceRanges[i], full, "spec.loadBalancerSourceRanges[" + Text(i) + "]", errors, trim: true) ?? default);
        }
        var endpoints = new List<EndpointSpec>();
        for (var i = 0; i < _endpoints.Count; i++)
        {
            var draft = _endpoints[i];
            var address = SpecText.Address(draft.Address, full, "endpoints[" + Text(i) + "].address", errors) ?? default;
            var ports = new List<EndpointPortSpec>();
            if (draft.Details is null)
            {
                foreach (var port in _ports) ports.Add(new EndpointPortSpec { Name = port.Name, Port = draft.Port });
            }
            else
            {
                foreach (var port in draft.Details.PortList) ports.Add(new EndpointPortSpec { Name = port.Key ?? string.Empty, Port = port.Value });
            }
            endpoints.Add(new EndpointSpec
            {
                Address = address,
                Ports = ports.ToValueList(),
                Ready = draft.Details?.IsReady ?? true,
                Serving = draft.Details?.IsServing ?? true,
                Terminating = draft.Details?.IsTerminating ?? false,
                NodeName = draft.Details?.NodeName,
            });
        }

        return new ServiceSpec
        {
            Namespace = ns,
            Name = name,
            Type = _type,
            ClusterIP = _clusterIP is null ? null : SpecText.Address(_clusterIP, full, "spec.clusterIP", errors),
            Ports = _ports.ToValueList(),
            ExternalIPs = externalIPs.ToValueList(),
            LoadBalancerIngress = ingress.ToValueList(),
            LoadBalancerSourceRanges = ranges.ToValueList(),
            ExternalTrafficPolicy = _externalPolicy,
            InternalTrafficPolicy = _internalPolicy,
            HealthCheckNodePort = _healthCheckNodePort,
            SessionAffinity = _affinity,
            SessionAffinityTimeoutSeconds = _affinityTimeout,
            Endpoints = endpoints.ToValueList(),
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class EndpointDraft
    {
        public EndpointDraft(string address, int port, EndpointBuilder? details)
        {
            Address = address;
            Port = port;
            Details = details;
        }

        public string Address { get; }

        public int Port { get; }

        public EndpointBuilder? Details { get; }
    }
}
