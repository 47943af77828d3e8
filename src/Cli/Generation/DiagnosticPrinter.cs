using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NatDsl.Cli.Generation;

/// <summary>Prints compiler and generator diagnostics the way the C# compiler does: <c>File.cs(12,18): error NATDSL003: …</c>.</summary>
internal static class DiagnosticPrinter
{
    /// <summary>One line per diagnostic, culture-invariant.</summary>
    public static string Format(Diagnostic diagnostic) =>
        CSharpDiagnosticFormatter.Instance.Format(diagnostic, CultureInfo.InvariantCulture);

    /// <summary>Writes every diagnostic to <paramref name="writer"/>, one per line.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics) writer.WriteLine(Format(diagnostic));
    }
}
