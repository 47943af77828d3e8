using System;
using System.Collections.Generic;
using System.Globalization;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Workloads;

/// <summary>
/// Small deterministic changes to a workload, as a cluster sees them between two syncs: one
/// endpoint moves, a service appears, a service goes away. Each edit is chosen from its seed.
/// </summary>
public static class WorkloadEdits
{
    /// <summary>Replaces the address of one endpoint of one service with an address no endpoint uses.</summary>
    public static ClusterSpec ChangeEndpoint(ClusterSpec spec, int seed)
    {
        if (spec is null) throw new ArgumentNullException(nameof(spec));
        if (spec.Services.Count == 0) throw new ArgumentException("the spec has no services", nameof(spec));
        var rng = WorkloadRandom.For(seed, 0, stream: 1);
        var index = rng.Between(0, spec.Services.Count - 1);
        var service = spec.Services[index];
        while (service.Endpoints.Count == 0)
        {
            index = (index + 1) % spec.Services.Count;
            service = spec.Services[index];
        }
        var which = rng.Between(0, service.Endpoints.Count - 1);
        var used = new HashSet<IpAddress>();
        foreach (var s in spec.Services) foreach (var e in s.Endpoints) used.Add(e.Address);
        var fresh = IpAddress.FromV4((10u << 24) | (127u << 16) | (uint)rng.Between(1, 65000));
        while (used.Contains(fresh)) fresh = IpAddress.FromV4(fresh.V4Value + 1);
        var endpoint = service.Endpoints[which] with { Address = fresh };
        service = service with { Endpoints = service.Endpoints.SetItem(which, endpoint) };
        return spec with { Services = spec.Services.SetItem(index, service) };
    }

    /// <summary>Appends a new service generated like the others (the next free service number).</summary>
    public static ClusterSpec AddService(ClusterSpec spec, int seed)
    {
        if (spec is null) throw new ArgumentNullException(nameof(spec));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in spec.Services) names.Add(s.Name);
        var index = spec.Services.Count;
        while (names.Contains("svc-" + index.ToString(CultureInfo.InvariantCulture))) index++;
        return spec with { Services = spec.Services.Add(ClusterWorkload.Service(seed, index)) };
    }

    /// <summary>Removes one service chosen from <paramref name="seed"/>.</summary>
    public static ClusterSpec RemoveService(ClusterSpec spec, int seed)
    {
        if (spec is null) throw new ArgumentNullException(nameof(spec));
        if (spec.Services.Count == 0) throw new ArgumentException("the spec has no services", nameof(spec));
        var rng = WorkloadRandom.For(seed, 0, stream: 2);
        return spec with { Services = spec.Services.RemoveAt(rng.Between(0, spec.Services.Count - 1)) };
    }

    /// <summary>The three edits of a typical sync, one after the other: an endpoint moves, a service appears, one goes away.</summary>
    public static ClusterSpec Sync(ClusterSpec spec, int seed) => RemoveService(AddService(ChangeEndpoint(spec, seed), seed), seed);
}
