using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NatDsl.Generator.Model;

/// <summary>
/// A source location as plain values (path, span, line span), so that pipeline models do not
/// root a <see cref="SyntaxTree"/>.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The location of a syntax node.</summary>
    public static LocationInfo From(SyntaxNode node) => From(node.SyntaxTree, node.Span);

    /// <summary>The location of a span in a tree.</summary>
    public static LocationInfo From(SyntaxTree tree, TextSpan span) =>
        new(tree.FilePath, span, tree.GetLineSpan(span).Span);

    /// <summary>Turns the values back into a compiler location.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
