namespace NatDsl.Model;

/// <summary>
/// The target of a rule (<c>-j</c> or <c>-g</c>): a standard verdict, a jump to a user chain, or
/// a target extension. <see cref="RawTarget"/> keeps an extension the model does not know.
/// </summary>
public abstract record Target
{
    /// <summary>The name printed in a listing's target column.</summary>
    public abstract string Name { get; }
}
