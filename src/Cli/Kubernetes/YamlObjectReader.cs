namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Finds the objects in YAML input: every document is an object or a list (<c>kind: List</c> or
/// <c>kind: ServiceList</c>, …, with <c>items</c>, nested lists included); empty documents are
/// allowed. Each object's text is cut out for deserialization with its lines unchanged.
/// </summary>
internal static class YamlObjectReader
{
    public static void Read(SourceText source, ObjectCollector into)
    {
        foreach (var root in YamlTreeBuilder.ReadDocuments(source))
        {
            if (root.IsNull) continue;
            ReadObject(source, root, into, "the document");
        }
    }

    private static void ReadObject(SourceText source, YamlTreeNode node, ObjectCollector into, string what)
    {
        if (node.Kind != YamlTreeNodeKind.Mapping)
        {
            throw source.Error(node.StartLine, node.StartColumn, what + " is not a Kubernetes object (a mapping with apiVersion and kind) but " + Describe(node));
        }
        var kind = Required(source, node, "kind", what);
        var apiVersion = Required(source, node, "apiVersion", what);
        var items = node.Get("items");
        if (ObjectCollector.IsList(kind) && items is not null)
        {
            if (items.IsNull) return;
            if (items.Kind != YamlTreeNodeKind.Sequence) throw source.Error(items.StartLine, items.StartColumn, "the items of a " + kind + " must be a sequence, not " + Describe(items));
            for (var i = 0; i < items.Items.Count; i++)
            {
                ReadObject(source, items.Items[i], into, "items[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "] of the " + kind);
            }
            return;
        }

        var metadata = node.Get("metadata");
        var name = metadata is { Kind: YamlTreeNodeKind.Mapping } ? ObjectNames.Join(metadata.GetScalar("namespace"), metadata.GetScalar("name")) : string.Empty;
        var lineStart = source.LineStart(node.StartLine);
        var prefix = node.Start - lineStart;
        var text = prefix > 0
            ? new string(' ', prefix) + source.Text.Substring(node.Start, node.End - node.Start)
            : source.Text.Substring(node.Start, node.End - node.Start);
        var location = new SourceLocation(source.Name, node.StartLine, node.StartColumn);
        into.Add(new RawObject(kind, apiVersion, name, location, text, node.StartLine, IsJson: false));
    }

    private static string Required(SourceText source, YamlTreeNode node, string key, string what)
    {
        var value = node.Get(key);
        if (value is null) throw source.Error(node.StartLine, node.StartColumn, what + " has no " + key);
        if (value.Kind != YamlTreeNodeKind.Scalar || value.IsNull || string.IsNullOrEmpty(value.Value))
        {
            throw source.Error(value.StartLine, value.StartColumn, key + " must be a non-empty string, not " + Describe(value));
        }
        return value.Value!;
    }

    private static string Describe(YamlTreeNode node) => node.Kind switch
    {
        YamlTreeNodeKind.Mapping => "a mapping",
        YamlTreeNodeKind.Sequence => "a sequence",
        YamlTreeNodeKind.Alias => "an alias",
        _ => node.IsNull ? "null" : "the scalar \"" + Shorten(node.Value ?? string.Empty) + "\"",
    };

    private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "…" : text;
}
