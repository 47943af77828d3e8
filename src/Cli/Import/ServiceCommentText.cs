using System;

namespace NatDsl.Cli.Import;

/// <summary>Reads kube-proxy's per-service comments: <c>"N cluster IP"</c>, <c>"N has no endpoints"</c>, bare <c>N</c>…</summary>
internal static class ServiceCommentText
{
    public const string ClusterIP = "cluster IP";
    public const string ExternalIP = "external IP";
    public const string LoadBalancerIP = "loadbalancer IP";
    public const string NoEndpoints = "has no endpoints";
    public const string NoLocalEndpoints = "has no local endpoints";
    public const string HealthCheck = "health check node port";
    public const string NotAccepted = "traffic not accepted by";

    private static readonly string[] Kinds = { ClusterIP, ExternalIP, LoadBalancerIP, NoEndpoints, NoLocalEndpoints, HealthCheck };

    /// <summary>
    /// Splits <paramref name="comment"/> into the service port name <c>ns/name[:port]</c> and the kind
    /// (one of the constants, or "" for a bare service port name). False when it names no service port.
    /// </summary>
    public static bool TryRead(string? comment, out string servicePortName, out string kind)
    {
        servicePortName = string.Empty;
        kind = string.Empty;
        if (comment is null) return false;
        foreach (var k in Kinds)
        {
            if (comment.EndsWith(" " + k, StringComparison.Ordinal))
            {
                servicePortName = comment.Substring(0, comment.Length - k.Length - 1);
                kind = k;
                return IsServicePortName(servicePortName);
            }
        }
        var at = comment.IndexOf(" " + NotAccepted + " ", StringComparison.Ordinal);
        if (at > 0)
        {
            servicePortName = comment.Substring(0, at);
            kind = NotAccepted;
            return IsServicePortName(servicePortName);
        }
        if (IsServicePortName(comment))
        {
            servicePortName = comment;
            return true;
        }
        return false;
    }

    /// <summary>Splits <c>ns/name[:port]</c>; the port name is "" for <c>ns/name</c> and <c>ns/name:</c>.</summary>
    public static (string Namespace, string Name, string Port) Split(string servicePortName)
    {
        var slash = servicePortName.IndexOf('/');
        var ns = servicePortName.Substring(0, slash);
        var rest = servicePortName.Substring(slash + 1);
        var colon = rest.IndexOf(':');
        return colon < 0 ? (ns, rest, string.Empty) : (ns, rest.Substring(0, colon), rest.Substring(colon + 1));
    }

    private static bool IsServicePortName(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0 && slash < text.Length - 1 && text.IndexOf(' ') < 0 && text.IndexOf('/', slash + 1) < 0;
    }
}
