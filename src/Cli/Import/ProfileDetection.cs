using System.Collections.Generic;
using NatDsl.Spec;

namespace NatDsl.Cli.Import;

/// <summary>The kube-proxy generation a dump looks like, and why.</summary>
/// <param name="Profile">The profile chosen.</param>
/// <param name="Evidence">The fingerprints found, each a short sentence.</param>
/// <param name="Conflicting">True when fingerprints of both generations were found.</param>
internal sealed record ProfileDetection(KubeProxyProfile Profile, IReadOnlyList<string> Evidence, bool Conflicting);
