namespace NatDsl.Tests.Kernel;

/// <summary>What one connection learnt: which endpoint answered and what it saw.</summary>
/// <param name="SourcePort">The client's source port of the connection.</param>
/// <param name="Endpoint">The address:port the endpoint was reached on (after DNAT).</param>
/// <param name="SeenSource">The source address:port the endpoint saw (after any SNAT).</param>
/// <param name="ReplyFrom">The address:port the reply came from, as the client saw it (after un-DNAT).</param>
public sealed record Observation(int SourcePort, string Endpoint, string SeenSource, string ReplyFrom)
{
    /// <summary>The address part of <see cref="SeenSource"/>.</summary>
    public string SeenSourceAddress => SeenSource.Substring(0, SeenSource.LastIndexOf(':'));
}
