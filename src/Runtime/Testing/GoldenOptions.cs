using NatDsl.Formats.Listing;

namespace NatDsl.Testing;

/// <summary>How <see cref="GoldenDump.AssertMatches"/> compares a rule set with a golden dump and writes received dumps.</summary>
public sealed record GoldenOptions
{
    /// <summary>The defaults: counters ignored, rules in order, only the golden's tables compared, received listings as <c>-L -v -n</c>.</summary>
    public static GoldenOptions Default { get; } = new GoldenOptions();

    /// <summary>Ignore rule, policy and chain counters (default true: generated rules have none, dumps from nodes do).</summary>
    public bool IgnoreCounters { get; init; } = true;

    /// <summary>
    /// Treat the per-service rule groups of <c>KUBE-SERVICES</c>, <c>KUBE-NODEPORTS</c> and the like as
    /// unordered, as old kube-proxy wrote them in Go map order (see <c>DiffOptions.UnorderedServiceGroups</c>).
    /// </summary>
    public bool UnorderedServiceGroups { get; init; }

    /// <summary>
    /// Compare as kube-proxy's own unit tests do (<c>sortIPTablesRules</c>): the rules of
    /// <c>KUBE-SERVICES</c> and <c>KUBE-NODEPORTS</c> sorted by service name (see <c>DiffOptions.KubeProxySort</c>).
    /// </summary>
    public bool KubeProxySort { get; init; }

    /// <summary>
    /// Compare only the tables the golden dump has (default true), as a dump captured with
    /// <c>iptables-save -t nat</c> or a listing (always one table) shows only those. When false, a
    /// table the rule set has beyond the golden's is a difference (save goldens only).
    /// </summary>
    public bool CompareOnlyGoldenTables { get; init; } = true;

    /// <summary>
    /// The table a listing golden shows: passed to the listing parser (which otherwise infers it from
    /// the chain names) and the table a received listing is written for. Null: inferred when reading;
    /// when writing, <c>nat</c> if the rule set has it, else its first table.
    /// </summary>
    public string? ListingTable { get; init; }

    /// <summary>
    /// The form of a received listing written when the golden listing does not exist yet: its dialect
    /// (protocol names or numbers, and the names release) and flags. Default <c>-L -v -n</c> with protocol
    /// names; for iptables 1.8.9 and 1.8.10 use <c>new ListingForm { Verbose = true, Dialect = ListingDialect.Numbers }</c>.
    /// When the golden exists, the received listing is written in the golden's own form.
    /// </summary>
    public ListingForm ReceivedListingForm { get; init; } = ListingForm.VerboseNumeric;
}
