namespace NatDsl.Model;

/// <summary><c>-m set [!] --match-set NAME src[,dst…] [--return-nomatch]</c>.</summary>
public sealed record SetMatch(string SetName, string Directions, bool Inverted = false, bool ReturnNoMatch = false) : Match
{
    /// <inheritdoc />
    public override string Module => "set";
}
