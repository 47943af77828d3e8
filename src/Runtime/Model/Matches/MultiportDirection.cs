namespace NatDsl.Model;

/// <summary>Which ports a multiport match tests.</summary>
public enum MultiportDirection
{
    /// <summary><c>--sports</c>.</summary>
    Source,

    /// <summary><c>--dports</c>.</summary>
    Destination,

    /// <summary><c>--ports</c> (either).</summary>
    Either,
}
