namespace NatDsl.Model;

/// <summary>
/// An extension match (<c>-m NAME …</c>). Each subtype is one iptables extension with typed
/// options; <see cref="RawMatch"/> keeps an extension the model does not know, verbatim.
/// </summary>
public abstract record Match
{
    /// <summary>The module name as written after <c>-m</c> (<c>tcp</c>, <c>comment</c>, …).</summary>
    public abstract string Module { get; }
}
