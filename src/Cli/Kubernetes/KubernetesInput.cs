using System;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Reads what <c>kubectl get services,endpointslices -A -o yaml</c> (or <c>-o json</c>) prints:
/// a <c>v1 List</c> whose items mix kinds, single objects, typed lists (<c>ServiceList</c>, …),
/// or several YAML documents separated by <c>---</c>. Input whose first non-blank character is
/// <c>{</c> or <c>[</c> is JSON, anything else YAML. Objects are deserialized with the
/// KubernetesClient models; kinds kube-proxy does not read are reported in
/// <see cref="KubernetesObjects.Skipped"/>.
/// </summary>
public static class KubernetesInput
{
    /// <summary>
    /// Reads <paramref name="text"/>; malformed YAML or JSON, an object without kind or
    /// apiVersion, or a field of the wrong type throws <see cref="NatDsl.Formats.DumpParseException"/>
    /// naming <paramref name="sourceName"/>, the line and the column.
    /// </summary>
    public static KubernetesObjects Read(string text, string sourceName)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (sourceName is null) throw new ArgumentNullException(nameof(sourceName));
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);

        var source = new SourceText(text, sourceName);
        var collector = new ObjectCollector(source);
        if (IsJson(text)) JsonObjectReader.Read(source, collector);
        else YamlObjectReader.Read(source, collector);
        return collector.ToObjects();
    }

    /// <summary>Whether the first non-whitespace character opens a JSON object or array.</summary>
    public static bool IsJson(string text)
    {
        foreach (var c in text)
        {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
            return c == '{' || c == '[';
        }
        return false;
    }
}
