using System;
using System.Collections.Generic;
using k8s.Models;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// The objects kube-proxy reads, as found in one or more inputs (<see cref="KubernetesInput.Read"/>):
/// Services, EndpointSlices and (for the v1.12 profile) Endpoints, each with its location, and
/// every object that was not read, with the reason. Order is input order.
/// </summary>
public sealed class KubernetesObjects
{
    /// <summary>Creates the collection.</summary>
    public KubernetesObjects(
        IReadOnlyList<LocatedObject<V1Service>> services,
        IReadOnlyList<LocatedObject<V1EndpointSlice>> endpointSlices,
        IReadOnlyList<LocatedObject<V1Endpoints>> endpoints,
        IReadOnlyList<SkippedObject> skipped)
    {
        Services = services ?? throw new ArgumentNullException(nameof(services));
        EndpointSlices = endpointSlices ?? throw new ArgumentNullException(nameof(endpointSlices));
        Endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        Skipped = skipped ?? throw new ArgumentNullException(nameof(skipped));
    }

    /// <summary>No objects.</summary>
    public static KubernetesObjects Empty { get; } = new KubernetesObjects(
        Array.Empty<LocatedObject<V1Service>>(), Array.Empty<LocatedObject<V1EndpointSlice>>(),
        Array.Empty<LocatedObject<V1Endpoints>>(), Array.Empty<SkippedObject>());

    /// <summary><c>v1 Service</c> objects.</summary>
    public IReadOnlyList<LocatedObject<V1Service>> Services { get; }

    /// <summary><c>discovery.k8s.io/v1 EndpointSlice</c> objects.</summary>
    public IReadOnlyList<LocatedObject<V1EndpointSlice>> EndpointSlices { get; }

    /// <summary><c>v1 Endpoints</c> objects (what kube-proxy 1.12–1.16 read).</summary>
    public IReadOnlyList<LocatedObject<V1Endpoints>> Endpoints { get; }

    /// <summary>Objects of other kinds or API versions, with the reason each was not read.</summary>
    public IReadOnlyList<SkippedObject> Skipped { get; }

    /// <summary>This collection followed by <paramref name="other"/> (for several input files).</summary>
    public KubernetesObjects Concat(KubernetesObjects other)
    {
        if (other is null) throw new ArgumentNullException(nameof(other));
        return new KubernetesObjects(
            Join(Services, other.Services), Join(EndpointSlices, other.EndpointSlices),
            Join(Endpoints, other.Endpoints), Join(Skipped, other.Skipped));
    }

    private static IReadOnlyList<T> Join<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
    {
        var all = new List<T>(first.Count + second.Count);
        all.AddRange(first);
        all.AddRange(second);
        return all;
    }
}
