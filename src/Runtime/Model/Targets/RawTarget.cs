namespace NatDsl.Model;

/// <summary>
/// A target extension the model does not know (<c>CONNMARK</c>, <c>NOTRACK</c>, …), kept as
/// read: the option text after <c>-j NAME</c> in save form (verbatim, starting with a space, or
/// empty) and/or the text a listing printed. Reported as opaque by the diff.
/// </summary>
public sealed record RawTarget(string TargetName, string? SaveText, string? ListingText) : Target
{
    /// <inheritdoc />
    public override string Name => TargetName;
}
