using NatDsl.Model;

namespace NatDsl.Analysis.Explain;

/// <summary>One way into a service port: cluster IP, external IP, load-balancer IP or NodePort.</summary>
/// <param name="Kind">cluster IP, external IP, loadbalancer IP or nodePort.</param>
/// <param name="Address">The address (null for a NodePort, which is any local address).</param>
/// <param name="Port">The port.</param>
/// <param name="Endpoints">The endpoints reached from a client outside the node, with shares.</param>
/// <param name="Masqueraded">Whether such a client's connections are masqueraded (null when mixed or unknown).</param>
/// <param name="Note">Anything the trace could not settle (opaque rule, rejection, drop).</param>
public sealed record ServiceFrontend(string Kind, IpAddress? Address, int Port, ValueList<EndpointShare> Endpoints, bool? Masqueraded, string Note);
