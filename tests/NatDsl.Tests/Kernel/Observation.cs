namespace NatDsl.Tests.Kernel;

/// <summary>What one connection learnt.</summary>
/// <param name="SourcePort">The client's source port of the connection.</param>
/// <param name="Outcome">
/// The address:port of the endpoint that answered (after DNAT), <see cref="Refused"/> when the
/// node refused the connection (ICMP port unreachable, REJECT), or <see cref="Silence"/> when
/// nothing came back in time (DROP).
/// </param>
/// <param name="SeenSource">The source address:port the endpoint saw (after any SNAT); empty without an answer.</param>
public sealed record Observation(int SourcePort, string Outcome, string SeenSource)
{
    /// <summary>The outcome of a refused connection.</summary>
    public const string Refused = "REJECT";

    /// <summary>The outcome of a connection that got no answer at all.</summary>
    public const string Silence = "DROP";

    /// <summary>The address part of <see cref="SeenSource"/>.</summary>
    public string SeenSourceAddress => SeenSource.Length == 0 ? string.Empty : SeenSource.Substring(0, SeenSource.LastIndexOf(':'));
}
