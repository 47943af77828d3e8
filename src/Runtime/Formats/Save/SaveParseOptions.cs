using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>Options for <see cref="SaveParser"/> and <c>RulesParser</c>.</summary>
public sealed record SaveParseOptions
{
    /// <summary>The default options.</summary>
    public static SaveParseOptions Default { get; } = new SaveParseOptions();

    /// <summary>
    /// The address family. Null (the default) decides it from an <c>ip6tables-save</c> header or
    /// the first family-specific item (an address, <c>-m icmp6</c>, <c>-f</c>, …), IPv4 otherwise.
    /// </summary>
    public IpFamily? Family { get; init; }

    /// <summary>
    /// <c>iptables-restore --noflush</c> semantics: a second <c>*table</c> section for a table
    /// continues it instead of replacing it, and a chain line for an existing user chain flushes it
    /// instead of being an error.
    /// </summary>
    public bool NoFlush { get; init; }

    /// <summary>
    /// True (the default): chains are ordered as iptables 1.8.9 lists them (built-ins in hook
    /// order, user chains by byte order of their names), whatever the input order. False: chains
    /// keep the order in which the input first names them (for dumps of older nft versions).
    /// </summary>
    public bool SortChains { get; init; } = true;

    /// <summary>
    /// How many threads may parse a large dump's rule lines ahead of the line loop (null, the
    /// default: one per core; 1: a single pass on the calling thread). The result, and any
    /// error, is the same whatever the number.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
