namespace NatDsl.Model;

/// <summary>The policy of a built-in chain.</summary>
public enum ChainPolicy
{
    /// <summary>ACCEPT.</summary>
    Accept,

    /// <summary>DROP.</summary>
    Drop,

    /// <summary>QUEUE (rare).</summary>
    Queue,

    /// <summary>RETURN (not valid for built-ins in practice, kept for completeness).</summary>
    Return,
}
