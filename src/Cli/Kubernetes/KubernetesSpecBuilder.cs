using System;
using System.Collections.Generic;
using System.Linq;
using k8s.Models;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Builds the <see cref="ClusterSpec"/> of one node from Services and EndpointSlices (or, for the
/// v1.12 profile, Endpoints), deciding what to proxy the way kube-proxy does. What kube-proxy
/// would ignore is left out and listed in <see cref="BuiltClusterSpec.Skipped"/> with the reason.
/// Services are sorted by namespace, then name; endpoints keep slice order (slices sorted by name),
/// and the compiler sorts them as kube-proxy does.
/// </summary>
public static class KubernetesSpecBuilder
{
    private const string DefaultNamespace = "default";

    /// <summary>
    /// Builds the spec for the node that <paramref name="flags"/> describe; bad flag values and
    /// inconsistent settings throw <see cref="UserInputException"/>.
    /// </summary>
    public static BuiltClusterSpec Build(KubernetesObjects objects, KubeProxyFlags flags)
    {
        if (flags is null) throw new ArgumentNullException(nameof(flags));
        try
        {
            return Build(objects, flags.ToSettings());
        }
        catch (SpecValidationException e)
        {
            throw new UserInputException(string.Join("; ", e.Errors.Select(x => x.ToString())));
        }
    }

    /// <summary>
    /// Builds the spec for the node <paramref name="settings"/> describe. A service the spec
    /// validator rejects is skipped with its errors; invalid settings throw
    /// <see cref="SpecValidationException"/>.
    /// </summary>
    public static BuiltClusterSpec Build(KubernetesObjects objects, ProxierSettings settings)
    {
        if (objects is null) throw new ArgumentNullException(nameof(objects));
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        var skipped = new List<SkippedObject>(objects.Skipped);

        var services = Services(objects, settings, skipped);
        CollectEndpoints(objects, settings, services, skipped);

        var specs = new List<ServiceSpec>();
        foreach (var draft in services.Values) specs.Add(Finish(draft));
        var spec = new ClusterSpec { Settings = settings, Services = specs.ToValueList() };
        return new BuiltClusterSpec(DropInvalid(spec, services, skipped), skipped);
    }

    /// <summary>The services kube-proxy would proxy, by <c>namespace/name</c>, sorted.</summary>
    private static SortedDictionary<string, ServiceDraft> Services(KubernetesObjects objects, ProxierSettings settings, List<SkippedObject> skipped)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var ordered = new List<(string Namespace, string Name, LocatedObject<V1Service> Service)>();
        foreach (var located in objects.Services)
        {
            var name = located.Value.Metadata?.Name;
            if (string.IsNullOrEmpty(name))
            {
                skipped.Add(new SkippedObject("Service", string.Empty, located.Location, "no metadata.name"));
                continue;
            }
            var ns = NamespaceOf(located.Value.Metadata);
            var full = ns + "/" + name;
            if (seen.TryGetValue(full, out var first))
            {
                skipped.Add(new SkippedObject("Service", full, located.Location, "duplicate: the Service at " + first + " is used"));
                continue;
            }
            seen[full] = located.Location;
            ordered.Add((ns, name!, located));
        }
        ordered.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Namespace, b.Namespace);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });

        var translator = new ServiceTranslator(settings, skipped);
        var drafts = new SortedDictionary<string, ServiceDraft>(new NamespaceNameComparer());
        foreach (var (ns, name, located) in ordered)
        {
            var draft = translator.Translate(located, ns, name);
            if (draft is not null) drafts[draft.FullName] = draft;
        }
        return drafts;
    }

    private static void CollectEndpoints(KubernetesObjects objects, ProxierSettings settings, SortedDictionary<string, ServiceDraft> services, List<SkippedObject> skipped)
    {
        var allServices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var located in objects.Services)
        {
            if (!string.IsNullOrEmpty(located.Value.Metadata?.Name)) allServices.Add(NamespaceOf(located.Value.Metadata) + "/" + located.Value.Metadata!.Name);
        }
        string NoService(string full) => allServices.Contains(full)
            ? "its Service " + full + " is skipped"
            : "its Service " + full + " is not in the input";

        var legacy = settings.Profile == KubeProxyProfile.V1_12;
        var endpointsFor = new HashSet<string>(StringComparer.Ordinal);
        var seenEndpoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var located in objects.Endpoints)
        {
            var name = located.Value.Metadata?.Name;
            var full = string.IsNullOrEmpty(name) ? string.Empty : NamespaceOf(located.Value.Metadata) + "/" + name;
            void Skip(string reason) => skipped.Add(new SkippedObject("Endpoints", full, located.Location, reason));
            if (!legacy)
            {
                Skip("kube-proxy reads EndpointSlices since v1.19; Endpoints objects are read only with the v1.12 profile");
                continue;
            }
            if (full.Length == 0)
            {
                Skip("no metadata.name");
                continue;
            }
            if (!seenEndpoints.Add(full))
            {
                Skip("duplicate: the first Endpoints " + full + " is used");
                continue;
            }
            var excluded = ObjectLabels.ExcludedBySelector(located.Value.Metadata);
            if (excluded is not null)
            {
                Skip(excluded);
                continue;
            }
            if (!services.TryGetValue(full, out var draft))
            {
                Skip(NoService(full));
                continue;
            }
            endpointsFor.Add(full);
            EndpointsTranslator.AddTo(draft, located, full, settings.Family, skipped);
        }

        var slices = new List<(string Service, string Name, LocatedObject<V1EndpointSlice> Slice)>();
        var seenSlices = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var located in objects.EndpointSlices)
        {
            var slice = located.Value;
            var name = slice.Metadata?.Name;
            var ns = NamespaceOf(slice.Metadata);
            var full = string.IsNullOrEmpty(name) ? string.Empty : ns + "/" + name;
            void Skip(string reason) => skipped.Add(new SkippedObject("EndpointSlice", full, located.Location, reason));
            if (full.Length == 0)
            {
                Skip("no metadata.name");
                continue;
            }
            if (seenSlices.TryGetValue(full, out var first))
            {
                Skip("duplicate: the EndpointSlice at " + first + " is used");
                continue;
            }
            seenSlices[full] = located.Location;
            var excluded = ObjectLabels.ExcludedBySelector(slice.Metadata);
            if (excluded is not null)
            {
                Skip(excluded);
                continue;
            }
            var serviceName = ObjectLabels.Get(slice.Metadata, ObjectLabels.ServiceName);
            if (string.IsNullOrEmpty(serviceName))
            {
                Skip("no " + ObjectLabels.ServiceName + " label: kube-proxy cannot tell its Service");
                continue;
            }
            var wanted = KubernetesValues.FamilyName(settings.Family);
            if (slice.AddressType != wanted)
            {
                Skip("addressType " + (slice.AddressType ?? "(none)") + ": kube-proxy's " + wanted + " proxier reads only " + wanted + " slices");
                continue;
            }
            var service = ns + "/" + serviceName;
            if (!services.ContainsKey(service))
            {
                Skip(NoService(service));
                continue;
            }
            if (endpointsFor.Contains(service))
            {
                Skip("the v1.12 profile takes the endpoints of " + service + " from its Endpoints object, as kube-proxy 1.12–1.16 did");
                continue;
            }
            slices.Add((service, name!, located));
        }

        // The slice cache merges a service's slices; take them in name order so duplicates resolve the same way every run.
        slices.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Service, b.Service);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        foreach (var (service, name, located) in slices)
        {
            var ns = NamespaceOf(located.Value.Metadata);
            EndpointSliceTranslator.AddTo(services[service], located, ns + "/" + name, settings.Family, skipped);
        }
    }

    /// <summary>The service with its endpoints, and named target ports resolved through the endpoint ports.</summary>
    private static ServiceSpec Finish(ServiceDraft draft)
    {
        var ports = draft.Spec.Ports;
        foreach (var named in draft.NamedTargetPorts)
        {
            var portName = ports[named.Key].Name;
            var resolved = 0;
            foreach (var endpoint in draft.Endpoints)
            {
                foreach (var port in endpoint.Ports)
                {
                    if (resolved == 0 && port.Name == portName) resolved = port.Port;
                }
            }
            ports = ports.SetItem(named.Key, ports[named.Key] with { TargetPort = resolved });
        }
        return draft.Spec with { Ports = ports, Endpoints = draft.Endpoints.ToValueList() };
    }

    /// <summary>
    /// Drops every service the spec validator rejects, recording its errors as the reason; errors
    /// in the settings throw. Services with errors of their own go first; a service whose only
    /// error is a node port already used by an earlier service (the validator blames the later
    /// one) is dropped only if the clash is still there once they are gone.
    /// </summary>
    private static ClusterSpec DropInvalid(ClusterSpec spec, SortedDictionary<string, ServiceDraft> drafts, List<SkippedObject> skipped)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in spec.Services) order[service.FullName] = order.Count;
        var dropped = new List<SkippedObject>();
        while (true)
        {
            var errors = SpecValidator.Validate(spec);
            if (errors.Count == 0) break;
            var settingsErrors = errors.Where(e => e.Service is null).ToList();
            if (settingsErrors.Count > 0) throw new SpecValidationException(settingsErrors);

            var bad = new Dictionary<string, List<SpecError>>(StringComparer.Ordinal);
            foreach (var error in errors)
            {
                if (!bad.TryGetValue(error.Service!, out var list)) bad[error.Service!] = list = new List<SpecError>();
                list.Add(error);
            }
            var victims = new HashSet<string>(bad.Where(b => !b.Value.All(IsNodePortClash)).Select(b => b.Key), StringComparer.Ordinal);
            if (victims.Count == 0) victims.UnionWith(bad.Keys);
            if (!spec.Services.Any(s => victims.Contains(s.FullName))) throw new SpecValidationException(errors);

            foreach (var victim in victims)
            {
                var location = drafts.TryGetValue(victim, out var draft) ? draft.Location : new SourceLocation(string.Empty, 0, 0);
                var reasons = string.Join("; ", bad[victim].Select(e => e.Field + ": " + e.Message));
                dropped.Add(new SkippedObject("Service", victim, location, "not valid for the rule compiler: " + reasons));
            }
            spec = spec with { Services = spec.Services.Where(s => !victims.Contains(s.FullName)).ToValueList() };
        }

        // Report in service order, not in the order they were dropped.
        dropped.Sort((x, y) => order[x.Name].CompareTo(order[y.Name]));
        skipped.AddRange(dropped);
        return spec;
    }

    /// <summary>The validator's "node port … is already used by …" error, which blames the later of two services.</summary>
    private static bool IsNodePortClash(SpecError error) =>
        error.Field.EndsWith(".nodePort", StringComparison.Ordinal) && error.Message.IndexOf("is already used by", StringComparison.Ordinal) >= 0;

    private static string NamespaceOf(V1ObjectMeta? metadata) =>
        string.IsNullOrEmpty(metadata?.NamespaceProperty) ? DefaultNamespace : metadata!.NamespaceProperty;
}
