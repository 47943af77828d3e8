namespace NatDsl.Model;

/// <summary>Which address the recent match records: <c>--rsource</c> (default) or <c>--rdest</c>.</summary>
public enum RecentSide
{
    /// <summary>The source address.</summary>
    Source,

    /// <summary>The destination address.</summary>
    Destination,
}
