using System.IO;
using System.Text;

namespace NatDsl.Tests.Mutation;

/// <summary>
/// Turns input bytes into the string the parsers get, the way the CLI reads a file
/// (<c>InputFiles.ReadAll</c>: <c>File.ReadAllText(path, new UTF8Encoding(false))</c>, i.e. a
/// <see cref="StreamReader"/> that honours byte-order marks and replaces invalid UTF-8 with U+FFFD).
/// </summary>
public static class CliDecoding
{
    /// <summary>The text the CLI would hand to a parser for these bytes.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
