using System.Collections.Generic;
using NatDsl.Spec;

namespace NatDsl.Cli.Kubernetes;

/// <summary>The result of <see cref="KubernetesSpecBuilder.Build(KubernetesObjects, ProxierSettings)"/>.</summary>
/// <param name="Spec">The cluster spec for the node: the services kube-proxy would proxy, sorted by namespace and name, with their endpoints.</param>
/// <param name="Skipped">
/// Every object, or part of one, left out, with the reason: the reader's (other kinds) first, then
/// the builder's (headless, ExternalName, other family, unlabelled slices, …).
/// </param>
public sealed record BuiltClusterSpec(ClusterSpec Spec, IReadOnlyList<SkippedObject> Skipped);
