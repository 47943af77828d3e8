namespace NatDsl.Model;

/// <summary><c>-j ACCEPT</c>, <c>-j DROP</c>, <c>-j RETURN</c>, <c>-j QUEUE</c>.</summary>
public sealed record VerdictTarget(Verdict Verdict) : Target
{
    /// <summary>ACCEPT.</summary>
    public static VerdictTarget Accept { get; } = new VerdictTarget(Verdict.Accept);

    /// <summary>DROP.</summary>
    public static VerdictTarget Drop { get; } = new VerdictTarget(Verdict.Drop);

    /// <summary>RETURN.</summary>
    public static VerdictTarget Return { get; } = new VerdictTarget(Verdict.Return);

    /// <inheritdoc />
    public override string Name => Verdict switch
    {
        Verdict.Accept => "ACCEPT",
        Verdict.Drop => "DROP",
        Verdict.Return => "RETURN",
        _ => "QUEUE",
    };
}
