namespace NatDsl.Model;

/// <summary>The command of the recent match.</summary>
public enum RecentCommand
{
    /// <summary><c>--set</c> (listing: SET).</summary>
    Set,

    /// <summary><c>--rcheck</c> (listing: CHECK).</summary>
    Check,

    /// <summary><c>--update</c> (listing: UPDATE).</summary>
    Update,

    /// <summary><c>--remove</c> (listing: REMOVE).</summary>
    Remove,
}
