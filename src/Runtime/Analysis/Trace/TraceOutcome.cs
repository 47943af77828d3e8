using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>One possible fate of the packet, with its exact probability and the rules that led there.</summary>
public sealed record TraceOutcome
{
    /// <summary>The probability of this outcome.</summary>
    public Probability Probability { get; init; }

    /// <summary>The destination address after NAT.</summary>
    public IpAddress Destination { get; init; }

    /// <summary>The destination port after NAT.</summary>
    public int DestinationPort { get; init; }

    /// <summary>True when POSTROUTING masquerades (or SNATs) the source.</summary>
    public bool Masqueraded { get; init; }

    /// <summary>The SNAT source address when an SNAT rule set one.</summary>
    public IpAddress? SnatSource { get; init; }

    /// <summary>The final verdict.</summary>
    public TraceVerdict Verdict { get; init; }

    /// <summary>The packet mark at the end.</summary>
    public uint Mark { get; init; }

    /// <summary>The rules on the path, in order.</summary>
    public ValueList<TraceStep> Path { get; init; } = ValueList<TraceStep>.Empty;

    /// <summary>Why the verdict is what it is, in words, when it is not plain (opaque extension, REJECT type…).</summary>
    public string Reason { get; init; } = string.Empty;
}
