using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// What a branch knows besides its packet and path, changed rarely (at a statistic branch or at
/// the end of a chain): kept by reference so that a <see cref="TraceState"/> stays small and
/// cheap to copy.
/// </summary>
internal sealed class BranchFacts
{
    public BranchFacts(Probability probability, bool masqueraded, IpAddress? snatSource, string reason)
    {
        Probability = probability;
        Masqueraded = masqueraded;
        SnatSource = snatSource;
        Reason = reason;
    }

    public Probability Probability { get; }

    public bool Masqueraded { get; }

    public IpAddress? SnatSource { get; }

    public string Reason { get; }
}
