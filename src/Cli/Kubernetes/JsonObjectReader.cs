using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Finds the objects in JSON input (<c>kubectl get -o json</c>: one object or a List; several
/// top-level values one after the other are accepted too). Malformed JSON becomes a
/// <see cref="NatDsl.Formats.DumpParseException"/> at the reader's line and column.
/// </summary>
internal static class JsonObjectReader
{
    public static void Read(SourceText source, ObjectCollector into)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var found = new List<RawObject>();
        List<(int Start, int End)>? spans = null;
        var counter = 0;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = YamlTreeBuilder.MaxDepth });
        try
        {
            while (reader.Read())
            {
                var startByte = reader.TokenStartIndex;
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    var at = source.LocationOf(Encoding.UTF8.GetCharCount(bytes, 0, (int)startByte));
                    throw source.Error(at, "the document is not a Kubernetes object (an object with apiVersion and kind) but " + Describe(root));
                }
                spans ??= JsonObjectSpans.Find(source.Text);
                ReadObject(source, spans, root, ref counter, found, "the document");
            }
        }
        catch (JsonException e)
        {
            var line = (int)System.Math.Min((e.LineNumber ?? 0) + 1, int.MaxValue);
            var column = ObjectCollector.ColumnOfByte(source.LineText(line), e.BytePositionInLine ?? 0);
            throw source.Error(line, column, ObjectCollector.JsonProblem(e.Message));
        }
        foreach (var raw in found) into.Add(raw);
    }

    /// <summary>Reads the object with pre-order index <paramref name="counter"/> and advances the counter past it.</summary>
    private static void ReadObject(SourceText source, List<(int Start, int End)> spans, JsonElement element, ref int counter, List<RawObject> found, string what)
    {
        var span = spans[counter];
        var location = source.LocationOf(span.Start);
        var kind = Required(source, location, element, "kind", what);
        var apiVersion = Required(source, location, element, "apiVersion", what);
        if (ObjectCollector.IsList(kind) && element.TryGetProperty("items", out var items) && items.ValueKind != JsonValueKind.Null)
        {
            if (items.ValueKind != JsonValueKind.Array) throw source.Error(location, "the items of a " + kind + " must be an array, not " + Describe(items));
            counter++;
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("items") && property.Value.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        var itemWhat = "items[" + i.ToString(CultureInfo.InvariantCulture) + "] of the " + kind;
                        if (item.ValueKind != JsonValueKind.Object)
                        {
                            throw source.Error(location, itemWhat + " is not a Kubernetes object but " + Describe(item));
                        }
                        ReadObject(source, spans, item, ref counter, found, itemWhat);
                        i++;
                    }
                }
                else
                {
                    counter += CountObjects(property.Value);
                }
            }
            return;
        }

        var name = string.Empty;
        if (element.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            name = ObjectNames.Join(StringProperty(metadata, "namespace"), StringProperty(metadata, "name"));
        }
        var prefix = location.Column - 1;
        var text = new string(' ', prefix) + source.Text.Substring(span.Start, span.End - span.Start);
        found.Add(new RawObject(kind, apiVersion, name, location, text, location.Line, IsJson: true));
        counter += CountObjects(element);
    }

    private static int CountObjects(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var n = 1;
                foreach (var property in element.EnumerateObject()) n += CountObjects(property.Value);
                return n;
            }
            case JsonValueKind.Array:
            {
                var n = 0;
                foreach (var item in element.EnumerateArray()) n += CountObjects(item);
                return n;
            }
            default:
                return 0;
        }
    }

    private static string Required(SourceText source, SourceLocation location, JsonElement element, string key, string what)
    {
        if (!element.TryGetProperty(key, out var value)) throw source.Error(location, what + " has no " + key);
        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            throw source.Error(location, what + ": " + key + " must be a non-empty string, not " + Describe(value));
        }
        return value.GetString()!;
    }

    private static string? StringProperty(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + Shorten(element.GetRawText()),
        JsonValueKind.Null => "null",
        _ => Shorten(element.GetRawText()),
    };

    private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "…" : text;
}
