using System;
using System.IO;
using System.Text;

namespace NatDsl.Testing;

/// <summary>Names, formats and text of golden and received dump files.</summary>
internal static class GoldenFiles
{
    private const string Received = ".received";

    private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The received file beside a golden, with <c>.received</c> before the last extension
    /// (<c>nat.listing.txt</c> → <c>nat.listing.received.txt</c>, <c>node.rules</c> → <c>node.received.rules</c>),
    /// as Verify names <c>*.verified.*</c>/<c>*.received.*</c>: removing <c>.received</c> accepts it.
    /// </summary>
    public static string ReceivedPathOf(string goldenPath)
    {
        var directory = Path.GetDirectoryName(goldenPath) ?? string.Empty;
        var name = Path.GetFileName(goldenPath);
        var dot = name.LastIndexOf('.');
        var received = dot <= 0 ? name + Received : name.Substring(0, dot) + Received + name.Substring(dot);
        return directory.Length == 0 ? received : Path.Combine(directory, received);
    }

    /// <summary>
    /// True when the golden's file name says it is a listing: apart from a final <c>.txt</c>, its last
    /// dot-separated part is <c>listing</c>, <c>L</c> or starts with <c>L-</c>
    /// (<c>seed.listing.txt</c>, <c>node1.L</c>, <c>node1.L-v-n-nat.txt</c>). Anything else is iptables-save text.
    /// </summary>
    public static bool IsListingName(string goldenPath)
    {
        var name = Path.GetFileName(goldenPath);
        if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) name = name.Substring(0, name.Length - 4);
        var last = name.Substring(name.LastIndexOf('.') + 1);
        return string.Equals(last, "listing", StringComparison.OrdinalIgnoreCase)
            || string.Equals(last, "L", StringComparison.Ordinal)
            || last.StartsWith("L-", StringComparison.Ordinal);
    }

    /// <summary>A listing starts (after blank lines) with <c>Chain NAME (…)</c>; anything else is read as iptables-save text.</summary>
    public static bool IsListingText(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            return line.StartsWith("Chain ", StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>Reads a file as UTF-8, line ends untouched.</summary>
    public static string Read(string path) => File.ReadAllText(path, Utf8);

    /// <summary>Writes UTF-8 without a byte order mark, creating the folder if needed.</summary>
    public static void Write(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        File.WriteAllText(path, text, Utf8);
    }

    /// <summary>Removes a received file left by an earlier failing run.</summary>
    public static void DeleteIfPresent(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
