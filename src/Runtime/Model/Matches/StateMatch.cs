namespace NatDsl.Model;

/// <summary><c>-m state --state NEW,ESTABLISHED</c>.</summary>
public sealed record StateMatch(ConntrackStates States, bool Inverted = false) : Match
{
    /// <inheritdoc />
    public override string Module => "state";
}
