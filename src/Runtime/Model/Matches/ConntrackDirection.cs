namespace NatDsl.Model;

/// <summary><c>--ctdir</c>.</summary>
public enum ConntrackDirection
{
    /// <summary>ORIGINAL.</summary>
    Original,

    /// <summary>REPLY.</summary>
    Reply,
}
