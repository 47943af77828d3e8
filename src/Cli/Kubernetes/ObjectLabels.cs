using k8s.Models;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// The labels kube-proxy looks at. Its informers list Services and EndpointSlices with the
/// selector <c>!service.kubernetes.io/service-proxy-name,!service.kubernetes.io/headless</c>,
/// so objects carrying either label never reach it.
/// </summary>
internal static class ObjectLabels
{
    public const string ServiceName = "kubernetes.io/service-name";
    public const string ServiceProxyName = "service.kubernetes.io/service-proxy-name";
    public const string Headless = "service.kubernetes.io/headless";

    public static string? Get(V1ObjectMeta? metadata, string key)
    {
        var labels = metadata?.Labels;
        return labels is not null && labels.TryGetValue(key, out var value) ? value ?? string.Empty : null;
    }

    /// <summary>Why kube-proxy's label selector excludes the object, or null when it does not.</summary>
    public static string? ExcludedBySelector(V1ObjectMeta? metadata)
    {
        var proxy = Get(metadata, ServiceProxyName);
        if (proxy is not null) return "label " + ServiceProxyName + "=" + proxy + ": handled by another service proxy (kube-proxy's informers exclude it)";
        if (Get(metadata, Headless) is not null) return "label " + Headless + ": headless (kube-proxy's informers exclude it)";
        return null;
    }
}
