using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NatDsl.Cli.Generation;

/// <summary>The outcome of compiling a DSL input with the NatDsl generator.</summary>
/// <param name="Output">The compilation including the generated sources.</param>
/// <param name="Diagnostics">Errors and warnings of the compiler and the generator, in file and position order.</param>
/// <param name="Classes">The <c>[NatRuleSet]</c> classes, in declaration order.</param>
internal sealed record DslCompilation(Compilation Output, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<RuleSetClass> Classes)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error) return true;
            }
            return false;
        }
    }
}
