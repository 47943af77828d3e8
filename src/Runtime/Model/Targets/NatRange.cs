namespace NatDsl.Model;

/// <summary>
/// The range of a DNAT/SNAT target: <c>[ip[-ip]][:port[-port][/base]]</c>. Addresses are null
/// for a port-only range (<c>:8080</c>).
/// </summary>
public sealed record NatRange
{
    /// <summary>The first address, or null.</summary>
    public IpAddress? MinAddress { get; init; }

    /// <summary>The last address (equal to the first for a single address), or null.</summary>
    public IpAddress? MaxAddress { get; init; }

    /// <summary>The port range, or null.</summary>
    public PortRange? Ports { get; init; }

    /// <summary>The base port of a shifted range (DNAT revision 2, <c>/base</c>), or null.</summary>
    public ushort? BasePort { get; init; }

    /// <summary>A single address with an optional port.</summary>
    public static NatRange To(IpAddress address, ushort? port = null) => new NatRange
    {
        MinAddress = address,
        MaxAddress = address,
        Ports = port.HasValue ? PortRange.Single(port.Value) : null,
    };
}
