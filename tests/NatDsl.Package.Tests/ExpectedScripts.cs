using System;
using NatDsl.Dsl;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Spec;

namespace NatDsl.Package.Tests;

/// <summary>The restore scripts the runtime compiles in this process from the consumer rule sets' Define methods.</summary>
internal static class ExpectedScripts
{
    public static string Of(Action<ClusterBuilder> define) => SaveRenderer.Render(KubeProxyCompiler.Compile(ClusterSpec.Build(define)));
}
