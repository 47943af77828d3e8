using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The steps of one branch as a shared, immutable list growing at its end: branches that split
/// share their common beginning, and adding a step costs one node instead of a copy.
/// </summary>
internal sealed class TracePath
{
    public TracePath(TraceStep step, TracePath? previous)
    {
        Step = step;
        Previous = previous;
        Count = (previous?.Count ?? 0) + 1;
    }

    public TraceStep Step { get; }

    public TracePath? Previous { get; }

    public int Count { get; }

    /// <summary>The steps in order, first to last.</summary>
    public static ValueList<TraceStep> ToList(TracePath? path)
    {
        if (path is null) return ValueList<TraceStep>.Empty;
        var steps = new TraceStep[path.Count];
        for (var node = path; node is not null; node = node.Previous) steps[node.Count - 1] = node.Step;
        return ValueList<TraceStep>.Own(steps);
    }
}
