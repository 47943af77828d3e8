using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// What a branch knows besides its packet, path and probability, changed rarely (by a NAT of
/// the source, or when the branch ends with a reason): kept by reference so that a
/// <see cref="TraceState"/> stays small, the common values shared (<see cref="None"/>, masqueraded
/// only), and handed on to the branch's <see cref="TraceOutcome"/> as they are.
/// </summary>
internal sealed class BranchFacts
{
    private static readonly BranchFacts MasqueradedOnly = new BranchFacts(true, null, string.Empty);

    private BranchFacts(bool masqueraded, IpAddress? snatSource, string reason)
    {
        Masqueraded = masqueraded;
        SnatSource = snatSource;
        Reason = reason;
    }

    /// <summary>Not masqueraded, no SNAT source, no reason.</summary>
    public static BranchFacts None { get; } = new BranchFacts(false, null, string.Empty);

    public bool Masqueraded { get; }

    public IpAddress? SnatSource { get; }

    public string Reason { get; }

    /// <summary>These facts (shared when common).</summary>
    public static BranchFacts Of(bool masqueraded, IpAddress? snatSource, string reason)
    {
        if (snatSource is null && reason is { Length: 0 }) return masqueraded ? MasqueradedOnly : None;
        return new BranchFacts(masqueraded, snatSource, reason);
    }

    public BranchFacts WithMasqueraded(bool value) => value == Masqueraded ? this : Of(value, SnatSource, Reason);

    public BranchFacts WithSnatSource(IpAddress? value) => Of(Masqueraded, value, Reason);

    public BranchFacts WithReason(string value) => Of(Masqueraded, SnatSource, value);

    /// <summary>Whether two facts are the same values.</summary>
    public static bool Same(BranchFacts a, BranchFacts b) =>
        ReferenceEquals(a, b) || (a.Masqueraded == b.Masqueraded && a.SnatSource == b.SnatSource && string.Equals(a.Reason, b.Reason, System.StringComparison.Ordinal));
}
