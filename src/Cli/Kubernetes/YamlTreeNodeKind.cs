namespace NatDsl.Cli.Kubernetes;

/// <summary>What a <see cref="YamlTreeNode"/> is.</summary>
internal enum YamlTreeNodeKind
{
    Scalar,
    Mapping,
    Sequence,
    Alias,
}
