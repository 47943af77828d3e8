namespace NatDsl.Model;

/// <summary><c>-m multiport --dports 80,443,8000:8080</c> (ports in input order).</summary>
public sealed record MultiportMatch(MultiportDirection Direction, ValueList<PortRange> Ports, bool Inverted = false) : Match
{
    /// <inheritdoc />
    public override string Module => "multiport";
}
