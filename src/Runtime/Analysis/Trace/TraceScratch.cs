using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The working memory of one trace, reused by the next trace on the same thread: the steps of
/// every branch as one array of (step, previous) links (branches that split share their
/// beginning, adding a step costs two array slots instead of objects), and the lists chain
/// walks return their branches in. <see cref="Clear"/> drops every reference, so a finished
/// trace keeps no rule set alive.
/// </summary>
internal sealed class TraceScratch
{
    [ThreadStatic]
    private static TraceScratch? _spare;

    private readonly Stack<List<Branch>> _lists = new Stack<List<Branch>>();
    private TraceStep[] _steps = new TraceStep[256];
    private int[] _previous = new int[256];
    private int[] _lengths = new int[256];
    private int _count;

    /// <summary>This thread's scratch (taken: a trace that throws leaves a new one to the next).</summary>
    public static TraceScratch Take()
    {
        var scratch = _spare ?? new TraceScratch();
        _spare = null;
        return scratch;
    }

    /// <summary>Clears the scratch and hands it back to this thread.</summary>
    public void Release()
    {
        Clear();
        _spare = this;
    }

    /// <summary>Path −1 is the empty path; this returns the path <paramref name="path"/> followed by <paramref name="step"/>.</summary>
    public int Append(int path, TraceStep step)
    {
        if (_count == _steps.Length)
        {
            Array.Resize(ref _steps, _count * 2);
            Array.Resize(ref _previous, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }
        _steps[_count] = step;
        _previous[_count] = path;
        _lengths[_count] = path < 0 ? 1 : _lengths[path] + 1;
        return _count++;
    }

    /// <summary>The steps of a path in order, first to last.</summary>
    public ValueList<TraceStep> ToList(int path)
    {
        if (path < 0) return ValueList<TraceStep>.Empty;
        var steps = new TraceStep[_lengths[path]];
        for (var node = path; node >= 0; node = _previous[node]) steps[_lengths[node] - 1] = _steps[node];
        return ValueList<TraceStep>.Own(steps);
    }

    /// <summary>The steps from path <paramref name="from"/> (exclusive) to <paramref name="to"/>, which extends it.</summary>
    public TraceStep[] StepsBetween(int from, int to)
    {
        var count = (to < 0 ? 0 : _lengths[to]) - (from < 0 ? 0 : _lengths[from]);
        var steps = new TraceStep[count];
        var node = to;
        for (var k = count - 1; k >= 0; k--)
        {
            steps[k] = _steps[node];
            node = _previous[node];
        }
        return steps;
    }

    /// <summary>The hook walks remembered in the current trace.</summary>
    public List<SuffixMemo> Memos { get; } = new List<SuffixMemo>();

    /// <summary>The outcomes of the current trace (copied out at its end).</summary>
    public List<TraceOutcome> Outcomes { get; } = new List<TraceOutcome>();

    /// <summary>An empty list of branches, to be given back with <see cref="Return"/>.</summary>
    public List<Branch> Rent() => _lists.Count > 0 ? _lists.Pop() : new List<Branch>();

    /// <summary>Gives back a list from <see cref="Rent"/> (its references are dropped).</summary>
    public void Return(List<Branch> list)
    {
        list.Clear();
        _lists.Push(list);
    }

    private void Clear()
    {
        Array.Clear(_steps, 0, _count);
        _count = 0;
        Outcomes.Clear();
        Memos.Clear();
    }
}
