using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace NatDsl.Cli.Presentation;

/// <summary>Writes deterministic, indented JSON (LF line ends) with a callback on a <see cref="Utf8JsonWriter"/>.</summary>
public static class JsonOutput
{
    /// <summary>Produces the JSON text.</summary>
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
