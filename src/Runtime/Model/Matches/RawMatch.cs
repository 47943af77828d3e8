namespace NatDsl.Model;

/// <summary>
/// An extension match the model does not know. It keeps what was read: the option text that
/// followed <c>-m NAME</c> in save form (verbatim, starting with a space, or empty), and/or the
/// text a listing printed. It round-trips within its format and is reported as opaque by the diff.
/// </summary>
public sealed record RawMatch(string Name, string? SaveText, string? ListingText) : Match
{
    /// <inheritdoc />
    public override string Module => Name;
}
