using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using YamlDotNet.Core;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Sorts the objects found in an input by kind and API version, deserializes the ones kube-proxy
/// reads with the KubernetesClient models, and records every other one as skipped.
/// </summary>
internal sealed class ObjectCollector
{
    private const string CoreV1 = "v1";
    private const string DiscoveryV1 = "discovery.k8s.io/v1";
    private const string DiscoveryV1Beta1 = "discovery.k8s.io/v1beta1";

    private readonly SourceText _source;
    private readonly List<LocatedObject<V1Service>> _services = new List<LocatedObject<V1Service>>();
    private readonly List<LocatedObject<V1EndpointSlice>> _slices = new List<LocatedObject<V1EndpointSlice>>();
    private readonly List<LocatedObject<V1Endpoints>> _endpoints = new List<LocatedObject<V1Endpoints>>();
    private readonly List<SkippedObject> _skipped = new List<SkippedObject>();

    public ObjectCollector(SourceText source)
    {
        _source = source;
    }

    public void Add(RawObject raw)
    {
        switch (raw.Kind)
        {
            case "Service" when raw.ApiVersion == CoreV1:
                _services.Add(new LocatedObject<V1Service>(Deserialize<V1Service>(raw), raw.Location));
                break;
            case "EndpointSlice" when raw.ApiVersion == DiscoveryV1:
                _slices.Add(new LocatedObject<V1EndpointSlice>(Deserialize<V1EndpointSlice>(raw), raw.Location));
                break;
            case "Endpoints" when raw.ApiVersion == CoreV1:
                _endpoints.Add(new LocatedObject<V1Endpoints>(Deserialize<V1Endpoints>(raw), raw.Location));
                break;
            case "EndpointSlice" when raw.ApiVersion == DiscoveryV1Beta1:
                Skip(raw, "apiVersion " + DiscoveryV1Beta1 + " is not read (it names nodes by topology labels); export " + DiscoveryV1 + " EndpointSlices");
                break;
            case "Service":
            case "EndpointSlice":
            case "Endpoints":
                Skip(raw, "apiVersion " + Shown(raw.ApiVersion) + " is not kube-proxy's " + (raw.Kind == "EndpointSlice" ? DiscoveryV1 : CoreV1) + " " + raw.Kind);
                break;
            default:
                Skip(raw, "kube-proxy does not read " + (IsList(raw.Kind) ? "a " + raw.Kind + " without items" : raw.Kind + " objects"));
                break;
        }
    }

    public KubernetesObjects ToObjects() => new KubernetesObjects(_services, _slices, _endpoints, _skipped);

    /// <summary>Whether a kind names a list of objects: <c>List</c>, <c>ServiceList</c>, …</summary>
    public static bool IsList(string kind) => kind.EndsWith("List", StringComparison.Ordinal);

    private void Skip(RawObject raw, string reason) => _skipped.Add(new SkippedObject(raw.Kind, raw.Name, raw.Location, reason));

    private static string Shown(string text) => text.Length == 0 ? "\"\"" : text;

    private T Deserialize<T>(RawObject raw)
        where T : class
    {
        var what = "cannot read " + raw.Kind + (raw.Name.Length > 0 ? " " + raw.Name : string.Empty) + ": ";
        try
        {
            var value = raw.IsJson ? KubernetesJson.Deserialize<T>(raw.Text) : KubernetesYaml.Deserialize<T>(raw.Text, false);
            if (value is null) throw _source.Error(raw.Location, what + "it is empty");
            return value;
        }
        catch (YamlException e) when (e.Start.Line > 0)
        {
            var line = raw.FirstLine + (int)Math.Min(e.Start.Line, int.MaxValue / 2) - 1;
            throw _source.Error(line, (int)Math.Min(e.Start.Column, int.MaxValue), what + Innermost(e).Message);
        }
        catch (JsonException e)
        {
            var sliceLine = (int)Math.Min(e.LineNumber ?? 0, int.MaxValue / 2);
            var lineText = LineOf(raw.Text, sliceLine);
            var column = TokenStart(lineText, ColumnOfByte(lineText, e.BytePositionInLine ?? 0));
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : " (at " + e.Path!.Substring(Math.Min(2, e.Path.Length)) + ")";
            throw _source.Error(raw.FirstLine + sliceLine, column, what + JsonProblem(e.Message) + path);
        }
        catch (Exception e) when (e is not NatDsl.Formats.DumpParseException)
        {
            throw _source.Error(raw.Location, what + Innermost(e).Message);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    /// <summary>A System.Text.Json message without its location suffix (it is given separately).</summary>
    public static string JsonProblem(string message)
    {
        var cut = message.Length;
        foreach (var marker in new[] { " Path: ", " LineNumber: ", " | LineNumber" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < cut) cut = at;
        }
        return message.Substring(0, cut).TrimEnd();
    }

    /// <summary>The 1-based column of the character that starts at UTF-8 byte <paramref name="bytePosition"/> of <paramref name="line"/>.</summary>
    public static int ColumnOfByte(string line, long bytePosition)
    {
        long bytes = 0;
        var column = 1;
        for (var i = 0; i < line.Length && bytes < bytePosition; i++)
        {
            if (char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                bytes += 4;
                i++;
                column++;
            }
            else
            {
                bytes += Encoding.UTF8.GetByteCount(line[i].ToString());
            }
            column++;
        }
        return column;
    }

    /// <summary>
    /// System.Text.Json reports a value it cannot convert just after the value; step back to the
    /// value's first character (the opening quote of a string, the first character of a number
    /// or literal). Returns <paramref name="column"/> when there is no token just before it.
    /// </summary>
    public static int TokenStart(string line, int column)
    {
        var last = column - 2;
        if (last < 0 || last >= line.Length) return column;
        if (line[last] == '"')
        {
            for (var i = last - 1; i >= 0; i--)
            {
                if (line[i] != '"') continue;
                var backslashes = 0;
                for (var j = i - 1; j >= 0 && line[j] == '\\'; j--) backslashes++;
                if (backslashes % 2 == 0) return i + 1;
            }
            return column;
        }
        var start = last;
        while (start >= 0 && (char.IsLetterOrDigit(line[start]) || line[start] == '.' || line[start] == '-' || line[start] == '+')) start--;
        return start < last ? start + 2 : column;
    }

    /// <summary>The 0-based line <paramref name="index"/> of <paramref name="text"/>, without its line end.</summary>
    private static string LineOf(string text, int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0) return string.Empty;
            start = next + 1;
        }
        var end = text.IndexOf('\n', start);
        if (end < 0) end = text.Length;
        if (end > start && text[end - 1] == '\r') end--;
        return text.Substring(start, end - start);
    }
}
