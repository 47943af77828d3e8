using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The steps of every branch of one finished trace, kept for its outcomes to make their
/// <see cref="TraceOutcome.Path"/> from when it is first read: nodes linked to the node before
/// them (−1: none), each one step or a run of steps shared by several branches (a remembered hook
/// walk, see <see cref="SuffixMemo"/>). Branches that split share their beginning, so a trace's
/// outcomes hold one small tree instead of a list of steps each.
/// </summary>
internal sealed class PathTree
{
    /// <summary>Each node: a <see cref="TraceStep"/> or a <see cref="TraceStep"/>[] (never changed).</summary>
    private readonly object[] _items;
    private readonly int[] _previous;

    public PathTree(object[] items, int[] previous)
    {
        _items = items;
        _previous = previous;
    }

    /// <summary>The steps of the path ending at <paramref name="node"/>, first to last.</summary>
    public ValueList<TraceStep> ToList(int node)
    {
        var count = 0;
        for (var n = node; n >= 0; n = _previous[n]) count += _items[n] is TraceStep[] run ? run.Length : 1;
        var steps = new TraceStep[count];
        for (var n = node; n >= 0; n = _previous[n])
        {
            if (_items[n] is TraceStep[] run)
            {
                count -= run.Length;
                System.Array.Copy(run, 0, steps, count, run.Length);
            }
            else
            {
                steps[--count] = (TraceStep)_items[n];
            }
        }
        return ValueList<TraceStep>.Own(steps);
    }

    /// <summary>Whether the paths ending at two nodes of two trees are surely equal without making them (same tree, same node).</summary>
    public static bool SameNode(PathTree a, int aNode, PathTree b, int bNode) => ReferenceEquals(a, b) && aNode == bNode;
}
