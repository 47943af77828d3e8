using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NatDsl.Generator.Tests.Snapshots;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>Generated sources and diagnostics, compared with committed snapshots.</summary>
public sealed class SnapshotTests
{
    [Test]
    public void Seed() => Match(GeneratorHarness.Run(TestSources.Seed));

    [Test]
    public void UdpAndTcp() => Match(GeneratorHarness.Run(TestSources.Features.Single(f => f.Name == "UdpAndTcp").Source));

    [Test]
    public void Diagnostics()
    {
        var source = TestSources.Usings + """
            namespace Clusters;

            [NatRuleSet]
            public partial class NotStatic
            {
                static void Define(ClusterBuilder c) => c.ClusterCidr("10.0.0.0/8");
            }

            [NatRuleSet]
            public static partial class Broken
            {
                static readonly string Vip = "10.0.0.1";
                static void Define(ClusterBuilder c)
                {
                    if (Vip.Length > 0) c.ClusterCidr("10.0.0.0/8");
                    c.Service("a/b", s => s.ClusterIP(Vip).Port(80, Protocol.Tcp));
                }
            }

            [NatRuleSet]
            public static partial class BadValue
            {
                static void Define(ClusterBuilder c) => c.ClusterCidr("10.0.0.0/33");
            }
            """;

        Match(GeneratorHarness.Run(source));
    }

    /// <summary>One info file with the diagnostics, one file per generated source.</summary>
    private static void Match(GeneratorRun run, [System.Runtime.CompilerServices.CallerFilePath] string testFile = "")
    {
        var files = new List<SnapshotFile> { new("", "txt", DiagnosticsText(run.Diagnostics)) };
        foreach (var (hintName, text) in run.Sources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            var name = hintName.EndsWith(".cs", System.StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 3) : hintName;
            files.Add(new SnapshotFile(name, "cs", text));
        }
        SnapshotAssert.Match(files, testFile);
    }

    /// <summary><c>NATDSL003 Error Test0.cs(12,5)-(12,40): message</c>, sorted by location then id.</summary>
    public static string DiagnosticsText(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Select(d => (Diagnostic: d, Span: d.Location.GetLineSpan()))
            .OrderBy(x => x.Span.Path, System.StringComparer.Ordinal)
            .ThenBy(x => x.Span.StartLinePosition)
            .ThenBy(x => x.Diagnostic.Id, System.StringComparer.Ordinal)
            .Select(x => $"{x.Diagnostic.Id} {x.Diagnostic.Severity} {System.IO.Path.GetFileName(x.Span.Path)}" +
                         $"({x.Span.StartLinePosition.Line + 1},{x.Span.StartLinePosition.Character + 1})-({x.Span.EndLinePosition.Line + 1},{x.Span.EndLinePosition.Character + 1}): " +
                         x.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var text = string.Join("\n", lines);
        return text.Length == 0 ? "(no diagnostics)\n" : text + "\n";
    }
}
