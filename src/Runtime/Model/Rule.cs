namespace NatDsl.Model;

/// <summary>
/// One rule of a chain: the fixed IP header matches, the extension matches in rule order, the
/// target and the counters. Everything is immutable and compares by value.
/// </summary>
public sealed record Rule
{
    /// <summary><c>-s</c>: the source network, possibly inverted. Null means any.</summary>
    public Negatable<IpNetwork>? Source { get; init; }

    /// <summary><c>-d</c>: the destination network, possibly inverted. Null means any.</summary>
    public Negatable<IpNetwork>? Destination { get; init; }

    /// <summary><c>-i</c>: the input interface (a trailing <c>+</c> is a wildcard). Null means any.</summary>
    public Negatable<string>? InInterface { get; init; }

    /// <summary><c>-o</c>: the output interface. Null means any.</summary>
    public Negatable<string>? OutInterface { get; init; }

    /// <summary><c>-p</c>: the IP protocol number (6 tcp, 17 udp, 132 sctp…). Null means all (0).</summary>
    public Negatable<int>? Protocol { get; init; }

    /// <summary><c>-f</c> / <c>! -f</c>: second and further fragments. Null when not given.</summary>
    public Negatable<bool>? Fragment { get; init; }

    /// <summary>The <c>-m</c> matches, in rule order.</summary>
    public ValueList<Match> Matches { get; init; } = ValueList<Match>.Empty;

    /// <summary>The target (<c>-j</c> or <c>-g</c>); null for a rule without target.</summary>
    public Target? Target { get; init; }

    /// <summary>The rule's counters, when known.</summary>
    public Counters? Counters { get; init; }

    /// <summary>The same rule with other counters.</summary>
    public Rule WithCounters(Counters? counters) => this with { Counters = counters };
}
