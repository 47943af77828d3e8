using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.Generator.Replay;

/// <summary>The runtime calls the generator makes after replay: the one compiler and the one save renderer.</summary>
internal static class RuntimeCompiler
{
    public static RuleSet Compile(ClusterSpec spec) => KubeProxyCompiler.Compile(spec);

    /// <summary>The node's whole rule set (what a dump from the node shows), for golden comparisons.</summary>
    public static RuleSet CompileNode(ClusterSpec spec) => KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true });

    public static string Render(RuleSet ruleSet) => SaveRenderer.Render(ruleSet);

    public static string Render(Table table) => SaveRenderer.RenderTable(table);
}
