using System;
using System.Globalization;
using NatDsl.Model;

namespace NatDsl.Formats.Listing;

/// <summary>
/// A chain header line: <c>Chain NAME (policy P)</c>, <c>Chain NAME (policy P N packets, M bytes)</c>
/// or <c>Chain NAME (N references)</c>.
/// </summary>
internal sealed class ChainHeaderLine
{
    private ChainHeaderLine(string name)
    {
        Name = name;
    }

    /// <summary>The chain name.</summary>
    public string Name { get; }

    /// <summary>The policy of a built-in chain; null for a user chain.</summary>
    public ChainPolicy? Policy { get; private set; }

    /// <summary>The policy counters (with <c>-v</c>).</summary>
    public Counters? Counters { get; private set; }

    /// <summary>The reference count of a user chain (read, checked for form, not stored).</summary>
    public int? References { get; private set; }

    /// <summary>1-based column of the policy counters (for errors).</summary>
    public int CountersColumn { get; private set; }

    /// <summary>True when the line starts like a chain header.</summary>
    public static bool Looks(string line) => line.StartsWith("Chain ", StringComparison.Ordinal);

    /// <summary>
    /// Reads the header line <c>text[start..end)</c> in place when it is a user chain's
    /// <c>Chain NAME (N references)</c> (what <see cref="Parse(string, string, int)"/> reads to a name and
    /// no policy), with the name from <paramref name="pool"/>; false for any other line.
    /// </summary>
    public static bool TryReadUserChain(string text, int start, int end, Save.TokenPool pool, out string name)
    {
        const string suffix = " references)";
        name = string.Empty;
        while (end > start && text[end - 1] == ' ') end--;
        if (end - start <= 6 + suffix.Length || string.CompareOrdinal(text, start, "Chain ", 0, 6) != 0
            || string.CompareOrdinal(text, end - suffix.Length, suffix, 0, suffix.Length) != 0)
        {
            return false;
        }
        var nameEnd = text.IndexOf(' ', start + 6, end - start - 6);
        var digitsStart = nameEnd + 2;
        var digitsEnd = end - suffix.Length;
        if (nameEnd <= start + 6 || text[nameEnd + 1] != '(' || digitsEnd <= digitsStart || digitsEnd - digitsStart > 9) return false;
        for (var i = digitsStart; i < digitsEnd; i++)
        {
            if (text[i] < '0' || text[i] > '9') return false;
        }
        name = pool.Intern(text, start + 6, nameEnd - start - 6);
        return true;
    }

    /// <summary>Parses a header line or throws a located <see cref="DumpParseException"/>.</summary>
    public static ChainHeaderLine Parse(string source, string line, int lineNumber)
    {
        DumpParseException Error(int index, string problem) => new DumpParseException(source, lineNumber, index + 1, line, problem);

        var text = line.TrimEnd(' ');
        if (!Looks(text)) throw Error(0, "expected a chain header \"Chain NAME (…)\"");
        var nameEnd = text.IndexOf(' ', 6);
        if (nameEnd <= 6) throw Error(6, "expected a chain name and \"(policy …)\" or \"(N references)\"");
        var header = new ChainHeaderLine(text.Substring(6, nameEnd - 6));
        if (nameEnd + 1 >= text.Length || text[nameEnd + 1] != '(' || text[text.Length - 1] != ')') throw Error(nameEnd + 1, "expected \"(policy …)\" or \"(N references)\" after the chain name");
        var bodyStart = nameEnd + 2;
        var body = text.Substring(bodyStart, text.Length - 1 - bodyStart);
        if (body.StartsWith("policy ", StringComparison.Ordinal))
        {
            var words = body.Split(' ');
            header.Policy = words[1] switch
            {
                "ACCEPT" => ChainPolicy.Accept,
                "DROP" => ChainPolicy.Drop,
                "QUEUE" => ChainPolicy.Queue,
                "RETURN" => ChainPolicy.Return,
                _ => throw Error(bodyStart + 7, "unknown policy \"" + words[1] + "\""),
            };
            if (words.Length == 2) return header;
            var countersStart = bodyStart + 8 + words[1].Length;
            header.CountersColumn = countersStart + 1;
            if (words.Length != 6 || words[3] != "packets," || words[5] != "bytes") throw Error(countersStart, "expected \"N packets, M bytes\" after the policy");
            if (!ListingCounters.TryParse(words[2], out var packets)) throw Error(countersStart, "bad packet counter \"" + words[2] + "\"");
            if (!ListingCounters.TryParse(words[4], out var bytes)) throw Error(countersStart + words[2].Length + 10, "bad byte counter \"" + words[4] + "\"");
            header.Counters = new Counters(packets, bytes);
            return header;
        }
        const string suffix = " references";
        if (body.EndsWith(suffix, StringComparison.Ordinal)
            && int.TryParse(body.Substring(0, body.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var references))
        {
            header.References = references;
            return header;
        }
        throw Error(bodyStart, "expected \"policy …\" or \"N references\" in the chain header");
    }
}
