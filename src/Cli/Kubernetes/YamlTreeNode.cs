using System.Collections.Generic;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// A YAML node with where it starts and where its content ends (character indexes into the
/// input), as needed to find objects and cut out their text. Block collections end where their
/// last child ends; flow collections end after their closing bracket.
/// </summary>
internal sealed class YamlTreeNode
{
    public YamlTreeNode(YamlTreeNodeKind kind, int start, int startLine, int startColumn)
    {
        Kind = kind;
        Start = start;
        StartLine = startLine;
        StartColumn = startColumn;
    }

    public YamlTreeNodeKind Kind { get; }

    /// <summary>Index of the node's first character.</summary>
    public int Start { get; }

    /// <summary>1-based line of <see cref="Start"/>.</summary>
    public int StartLine { get; }

    /// <summary>1-based column of <see cref="Start"/>.</summary>
    public int StartColumn { get; }

    /// <summary>Index just after the node's last character.</summary>
    public int End { get; set; }

    /// <summary>The scalar's value (null for collections and aliases).</summary>
    public string? Value { get; set; }

    /// <summary>Whether a scalar is plain and untagged (an empty one is YAML's null).</summary>
    public bool IsPlain { get; set; }

    /// <summary>The children of a sequence.</summary>
    public List<YamlTreeNode> Items { get; } = new List<YamlTreeNode>();

    /// <summary>The key/value pairs of a mapping, in order.</summary>
    public List<KeyValuePair<YamlTreeNode, YamlTreeNode>> Pairs { get; } = new List<KeyValuePair<YamlTreeNode, YamlTreeNode>>();

    /// <summary>The value of the first pair whose key is the scalar <paramref name="key"/>; null when absent.</summary>
    public YamlTreeNode? Get(string key)
    {
        foreach (var pair in Pairs)
        {
            if (pair.Key.Kind == YamlTreeNodeKind.Scalar && pair.Key.Value == key) return pair.Value;
        }
        return null;
    }

    /// <summary>The scalar value at <paramref name="key"/>, or null when absent or not a scalar.</summary>
    public string? GetScalar(string key)
    {
        var node = Get(key);
        return node is { Kind: YamlTreeNodeKind.Scalar } ? node.Value : null;
    }

    /// <summary>Whether this is YAML's null: an empty plain scalar.</summary>
    public bool IsNull => Kind == YamlTreeNodeKind.Scalar && IsPlain && (Value is null || Value.Length == 0 || Value == "null" || Value == "~");
}
