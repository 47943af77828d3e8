using System;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// How <see cref="RuleSetDiff.Compare"/> decides that two rule sets are equal.
/// </summary>
/// <remarks>
/// Tables are always matched by name and their order is never reported (iptables-save prints
/// them in kernel registration order, which nothing depends on). Chains are always matched by
/// name; their order is reported only when <see cref="IgnoreChainOrder"/> is false. Rules are
/// compared in order unless one of the unordered-group options applies to their chain.
/// A counter that is null on either side is unknown and never reported.
/// </remarks>
public sealed record DiffOptions
{
    /// <summary>Ignore rule counters, policy counters and chain counters.</summary>
    public bool IgnoreCounters { get; init; }

    /// <summary>
    /// Do not report chains that sit at another place in their table (default true: chain order
    /// has no effect on packet processing; chains are always matched by name). Set false to get
    /// one <see cref="DifferenceKind.ChainMoved"/> per chain outside the longest common order.
    /// </summary>
    public bool IgnoreChainOrder { get; init; } = true;

    /// <summary>
    /// Treat the per-service rule groups of <c>KUBE-SERVICES</c>, <c>KUBE-NODEPORTS</c>,
    /// <c>KUBE-EXTERNAL-SERVICES</c> and <c>KUBE-PROXY-FIREWALL</c> as unordered (old kube-proxy
    /// wrote them in Go map order). A group is the run of consecutive rules whose comment starts
    /// with the same <c>ns/name:port</c> token (an uncommented <c>KUBE-MARK-MASQ</c> jump joins the
    /// group that follows it); order inside a group is kept, and rules that belong to no service
    /// (like the nodeports rule that must be last) stay fixed: groups never move across them.
    /// </summary>
    public bool UnorderedServiceGroups { get; init; }

    /// <summary>
    /// The equivalence of kube-proxy's unit-test helper <c>sortIPTablesRules</c>: in the
    /// <c>filter</c> and <c>nat</c> tables, the rules of <c>KUBE-SERVICES</c> and
    /// <c>KUBE-NODEPORTS</c> are stable-sorted by the service name of their comment (the text up to
    /// the first space or colon), the nat <c>KUBE-SERVICES</c> rule whose comment says it
    /// "must be the last rule" stays last, and an uncommented rule is a fixed barrier. Chain order
    /// is not significant in that helper either, so set <see cref="IgnoreChainOrder"/> as well
    /// (the <see cref="KubeProxyTests"/> preset does).
    /// </summary>
    public bool KubeProxySort { get; init; }

    /// <summary>
    /// A normalisation applied to both sides before comparing (for instance the listing
    /// equivalence, which removes what a listing cannot show). Null for none.
    /// </summary>
    public Func<RuleSet, RuleSet>? Normalize { get; init; }

    /// <summary>
    /// Exact comparison: counters compared (K/M/G/T-rounded counters against exact ones as a
    /// listing shows them), rules in order, chain order not reported.
    /// </summary>
    public static DiffOptions Default { get; } = new DiffOptions();

    /// <summary>
    /// What kube-proxy's own unit tests accept as equal: <see cref="KubeProxySort"/>, chain order
    /// ignored, counters ignored (its test data has none).
    /// </summary>
    public static DiffOptions KubeProxyTests { get; } = new DiffOptions
    {
        IgnoreCounters = true,
        IgnoreChainOrder = true,
        KubeProxySort = true,
    };
}
