using System;
using System.IO;
using System.Text;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;

namespace NatDsl.Fuzz;

/// <summary>
/// The three parsers under fuzzing. Each target decodes the input bytes as the CLI decodes a file
/// (UTF-8, byte-order marks honoured, invalid bytes replaced), parses, and on success renders
/// the document. A <see cref="DumpParseException"/> with a 1-based location is the expected way to
/// refuse input; any other exception (or a bad location) is a crash for the fuzzer.
/// </summary>
public static class FuzzTarget
{
    /// <summary>The target names accepted on the command line.</summary>
    public static readonly string[] Names = { "save", "listing", "rules" };

    /// <summary>Runs target <paramref name="name"/> on <paramref name="bytes"/>; throws on a bug.</summary>
    public static void Run(string name, byte[] bytes)
    {
        var text = Decode(bytes);
        try
        {
            switch (name)
            {
                case "save":
                    SaveRenderer.Render(SaveParser.Parse(text, "fuzz"));
                    break;
                case "listing":
                    ListingRenderer.Render(ListingParser.Parse(text, "fuzz"));
                    break;
                case "rules":
                    RulesRenderer.Render(RulesParser.Parse(text, "nat", "fuzz"));
                    break;
                default:
                    throw new ArgumentException("unknown target " + name + " (expected save, listing or rules)");
            }
        }
        catch (DumpParseException e) when (e.Line >= 1 && e.Column >= 1)
        {
        }
    }

    /// <summary>The CLI's decoding of a file (<c>File.ReadAllText</c> with UTF-8 without BOM).</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
