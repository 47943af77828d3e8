namespace NatDsl.Model;

/// <summary>The standard verdicts.</summary>
public enum Verdict
{
    /// <summary>ACCEPT.</summary>
    Accept,

    /// <summary>DROP.</summary>
    Drop,

    /// <summary>RETURN.</summary>
    Return,

    /// <summary>QUEUE.</summary>
    Queue,
}
