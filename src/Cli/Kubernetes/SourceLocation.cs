using System.Globalization;

namespace NatDsl.Cli.Kubernetes;

/// <summary>Where an object starts in its input: file (or <c>&lt;stdin&gt;</c>), 1-based line and column.</summary>
/// <param name="Source">The file name or pseudo-name of the input.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string Source, int Line, int Column)
{
    /// <summary><c>source:line:column</c>, the form compilers and editors understand.</summary>
    public override string ToString() =>
        Source + ":" + Line.ToString(CultureInfo.InvariantCulture) + ":" + Column.ToString(CultureInfo.InvariantCulture);
}
