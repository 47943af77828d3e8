namespace NatDsl.Model;

/// <summary><c>-m addrtype [!] --src-type T [!] --dst-type T [--limit-iface-in|out]</c> (revision 1).</summary>
public sealed record AddrTypeMatch : Match
{
    /// <summary><c>--src-type</c>.</summary>
    public Negatable<AddressTypes>? SourceType { get; init; }

    /// <summary><c>--dst-type</c>.</summary>
    public Negatable<AddressTypes>? DestinationType { get; init; }

    /// <summary><c>--limit-iface-in</c>.</summary>
    public bool LimitInInterface { get; init; }

    /// <summary><c>--limit-iface-out</c>.</summary>
    public bool LimitOutInterface { get; init; }

    /// <inheritdoc />
    public override string Module => "addrtype";
}
