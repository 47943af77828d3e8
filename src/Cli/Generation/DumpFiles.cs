using System;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;

namespace NatDsl.Cli.Generation;

/// <summary>
/// Reads a dump captured from a node: an <c>iptables -L -n</c> listing (first non-blank line
/// <c>Chain …</c>) or <c>iptables-save</c> output. The one place that chooses the parser, so that it
/// can be swapped for the runtime's format detection when that lands.
/// </summary>
internal static class DumpFiles
{
    /// <summary>Reads <paramref name="path"/> (<c>-</c> for standard input); parse errors are <c>DumpParseException</c>s.</summary>
    public static LoadedDump Read(string path) => Parse(InputFiles.ReadAll(path), InputFiles.DisplayName(path));

    /// <summary>Parses dump text; <paramref name="source"/> names it in error messages.</summary>
    public static LoadedDump Parse(string text, string source)
    {
        if (IsListing(text))
        {
            var listing = ListingParser.Parse(text, source);
            return new LoadedDump(listing.RuleSet, listing.Form);
        }
        return new LoadedDump(SaveParser.ParseRuleSet(text, source), null);
    }

    private static bool IsListing(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            return line.StartsWith("Chain ", StringComparison.Ordinal);
        }
        return false;
    }
}
