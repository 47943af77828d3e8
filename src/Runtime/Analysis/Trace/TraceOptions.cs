using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>How the tracer evaluates what a packet alone does not say.</summary>
public sealed record TraceOptions
{
    /// <summary>
    /// The node's local addresses: <c>addrtype LOCAL</c> matches them, a source among them makes
    /// the packet locally generated (nat OUTPUT), a destination among them after DNAT delivers it
    /// locally (INPUT) instead of forwarding it.
    /// </summary>
    public ValueList<IpAddress> LocalAddresses { get; init; } = ValueList<IpAddress>.Empty;

    /// <summary>
    /// Names of <c>recent</c> lists that already hold the client (affinity hits). By default every
    /// list is empty: the trace is that of a client's first connection.
    /// </summary>
    public ValueList<string> AffinityHits { get; init; } = ValueList<string>.Empty;

    /// <summary>Evaluate the filter table's verdict when the rule set has one (default true).</summary>
    public bool EvaluateFilter { get; init; } = true;

    /// <summary>Stop exploring after this many outcomes (protects against pathological rule sets).</summary>
    public int MaxOutcomes { get; init; } = 100000;

    /// <summary>
    /// Look up the candidate rules of long chains (by destination host, or by protocol and
    /// destination port) instead of testing every rule, as netfilter does (default true). The
    /// result is the same either way; false is the plain linear walk, for comparison.
    /// </summary>
    public bool UseIndex { get; init; } = true;

    /// <summary>Maximum jump depth, as the kernel's loop protection.</summary>
    public int MaxDepth { get; init; } = 64;
}
