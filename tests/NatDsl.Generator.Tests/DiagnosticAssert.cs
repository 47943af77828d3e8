using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>Checks one diagnostic (or, with allowMany, the first of several): id, severity, and that it starts (1-based line/column) where a marker text starts.</summary>
public static class DiagnosticAssert
{
    public static Diagnostic Single(GeneratorRun run, string id, DiagnosticSeverity severity, string source, string marker, int occurrence = 1, bool allowMany = false)
    {
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        if (allowMany) Assert.That(matching, Is.Not.Empty, () => "Diagnostics: " + string.Join("\n", run.Diagnostics));
        else Assert.That(matching, Has.Count.EqualTo(1), () => "Diagnostics: " + string.Join("\n", run.Diagnostics));
        var diagnostic = matching[0];
        Assert.That(diagnostic.Severity, Is.EqualTo(severity));
        var (line, column) = PositionOf(source, marker, occurrence);
        var span = diagnostic.Location.GetLineSpan();
        Assert.That((span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), Is.EqualTo((line, column)),
            () => $"{diagnostic} expected at ({line},{column}) = '{marker}'");
        Assert.That(diagnostic.Descriptor.HelpLinkUri, Is.EqualTo("docs/diagnostics.md#" + id.ToLowerInvariant()));
        return diagnostic;
    }

    /// <summary>1-based line and column of the n-th occurrence of <paramref name="marker"/>.</summary>
    public static (int Line, int Column) PositionOf(string source, string marker, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = source.IndexOf(marker, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new ArgumentException("Marker not found: " + marker);
        }
        var line = 1 + source.Take(index).Count(c => c == '\n');
        var lineStart = source.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        return (line, index - lineStart + 1);
    }
}
