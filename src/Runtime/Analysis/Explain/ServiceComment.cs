using System;

namespace NatDsl.Analysis.Explain;

/// <summary>Splits kube-proxy's rule comments into the service port name and what the rule is for.</summary>
internal static class ServiceComment
{
    private static readonly string[] Suffixes =
    {
        " cluster IP", " external IP", " loadbalancer IP", " has no endpoints", " has no local endpoints",
        " health check node port", " external destinations", " traffic policy", " nodePort",
    };

    /// <summary>
    /// Reads <c>ns/name:port cluster IP</c> (kind "cluster IP") or a bare <c>ns/name:port</c> (kind "").
    /// False when the comment names no service.
    /// </summary>
    public static bool TryRead(string comment, out string service, out string kind)
    {
        service = string.Empty;
        kind = string.Empty;
        foreach (var suffix in Suffixes)
        {
            if (comment.EndsWith(suffix, StringComparison.Ordinal))
            {
                service = comment.Substring(0, comment.Length - suffix.Length);
                kind = suffix.Substring(1);
                return LooksLikeServicePort(service);
            }
        }
        if (LooksLikeServicePort(comment) && comment.IndexOf(' ') < 0)
        {
            service = comment;
            return true;
        }
        return false;
    }

    private static bool LooksLikeServicePort(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0 && slash < text.Length - 1 && text.IndexOf(' ') < 0 && text.IndexOf('/', slash + 1) < 0;
    }
}
