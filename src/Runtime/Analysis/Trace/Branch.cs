namespace NatDsl.Analysis.Trace;

/// <summary>One branch of the traversal: the packet state and how its chain ended.</summary>
internal readonly record struct Branch(TraceState State, ChainEnd End);
