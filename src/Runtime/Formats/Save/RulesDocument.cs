using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// A parsed <c>iptables -S</c> (or <c>-v -S</c>) listing of one table: the table, and what is
/// needed to render the same text back (see <c>RulesRenderer</c>).
/// </summary>
public sealed record RulesDocument
{
    /// <summary>Creates a document.</summary>
    public RulesDocument(Table table, IpFamily family)
    {
        Table = table;
        Family = family;
    }

    /// <summary>The table (its name as the caller supplied it: -S text does not say it).</summary>
    public Table Table { get; init; }

    /// <summary>The address family decided while parsing.</summary>
    public IpFamily Family { get; init; }

    /// <summary>True when the lines carried <c>-c PACKETS BYTES</c> (<c>iptables -v -S</c>).</summary>
    public bool Counters { get; init; }

    /// <summary>The line ending of the input.</summary>
    public string LineEnding { get; init; } = "\n";

    /// <summary>False when the last line had no line ending.</summary>
    public bool EndsWithLineEnding { get; init; } = true;
}
