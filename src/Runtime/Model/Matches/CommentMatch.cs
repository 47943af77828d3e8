namespace NatDsl.Model;

/// <summary><c>-m comment --comment TEXT</c> (at most 255 bytes).</summary>
public sealed record CommentMatch(string Text) : Match
{
    /// <inheritdoc />
    public override string Module => "comment";
}
