namespace NatDsl.Analysis.Trace;

/// <summary>How the traversal of a chain ended for one branch.</summary>
internal enum ChainEnd
{
    FellOff,
    Return,
    Accept,
    Drop,
    Reject,
    Undetermined,
    DeliverLocal,
    Forward,
}
