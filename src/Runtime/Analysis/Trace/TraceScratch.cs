using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// The working memory of one trace, reused by the next trace on the same thread: the steps of
/// every branch as one array of (step, previous) links (branches that split share their
/// beginning, adding a step costs two array slots instead of objects; a replayed hook walk adds
/// its steps as one run), the branches' probabilities (<see cref="ProbabilityStore"/>), the lists
/// chain walks return their branches in, the remembered hook walks and the trace's context.
/// <see cref="Release"/> drops every reference, so a finished trace keeps no rule set alive.
/// </summary>
internal sealed class TraceScratch
{
    [ThreadStatic]
    private static TraceScratch? _spare;

    private readonly Stack<List<Branch>> _lists = new Stack<List<Branch>>();
    private readonly Stack<SuffixMemo> _spareMemos = new Stack<SuffixMemo>();

    private Node[] _nodes = new Node[256];
    private int _count;

    private TraceScratch() => Context = new TraceContext(this);

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

    /// <summary>The trace's context (see <see cref="TraceContext.Begin"/>).</summary>
    public TraceContext Context { get; }

    /// <summary>The probabilities of the trace's branches.</summary>
    public ProbabilityStore Probabilities { get; } = new ProbabilityStore();

    /// <summary>Path −1 is the empty path; this returns the path <paramref name="path"/> followed by <paramref name="step"/>.</summary>
    public int Append(int path, TraceStep step) => Add(path, step, 1);

    /// <summary>The path <paramref name="path"/> followed by <paramref name="steps"/> (kept, never to be changed).</summary>
    public int Append(int path, TraceStep[] steps) => steps.Length switch
    {
        0 => path,
        1 => Add(path, steps[0], 1),
        _ => Add(path, steps, steps.Length),
    };

    private int Add(int path, object item, int length)
    {
        if (_count == _nodes.Length) Array.Resize(ref _nodes, _count * 2);
        _nodes[_count] = new Node(item, path, path < 0 ? length : _nodes[path].Length + length);
        return _count++;
    }

    /// <summary>How many steps path <paramref name="to"/> has after path <paramref name="from"/>, which it extends.</summary>
    public int LengthBetween(int from, int to) => (to < 0 ? 0 : _nodes[to].Length) - (from < 0 ? 0 : _nodes[from].Length);

    /// <summary>Whether the last steps of path <paramref name="to"/> are the same instances as <paramref name="steps"/> (which it is at least as long as).</summary>
    public bool EndsWith(int to, TraceStep[] steps)
    {
        var count = steps.Length;
        for (var node = to; count > 0; node = _nodes[node].Previous)
        {
            if (_nodes[node].Item is TraceStep[] run)
            {
                for (var k = run.Length - 1; k >= 0 && count > 0; k--)
                {
                    if (!ReferenceEquals(run[k], steps[--count])) return false;
                }
            }
            else if (!ReferenceEquals(_nodes[node].Item, steps[--count]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The steps from path <paramref name="from"/> (exclusive) to <paramref name="to"/>, which extends it.</summary>
    public TraceStep[] StepsBetween(int from, int to)
    {
        var count = LengthBetween(from, to);
        var steps = new TraceStep[count];
        for (var node = to; count > 0; node = _nodes[node].Previous)
        {
            if (_nodes[node].Item is TraceStep[] run)
            {
                count -= run.Length;
                Array.Copy(run, 0, steps, count, run.Length);
            }
            else
            {
                steps[--count] = (TraceStep)_nodes[node].Item;
            }
        }
        return steps;
    }

    /// <summary>Every path of the trace so far, copied for its outcomes; null when there is none.</summary>
    public PathTree? FreezePaths()
    {
        if (_count == 0) return null;
        var items = new object[_count];
        var previous = new int[_count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = _nodes[i].Item;
            previous[i] = _nodes[i].Previous;
        }
        return new PathTree(items, previous);
    }

    /// <summary>The hook walks remembered in the current trace.</summary>
    public List<SuffixMemo> Memos { get; } = new List<SuffixMemo>();

    /// <summary>A memo to record a walk of <paramref name="hook"/> from <paramref name="input"/>; give it back with <see cref="ReturnMemo"/> unless it is kept in <see cref="Memos"/>.</summary>
    public SuffixMemo RentMemo(TraceIndex.Entry hook, TraceState input)
    {
        var memo = _spareMemos.Count > 0 ? _spareMemos.Pop() : new SuffixMemo();
        memo.Start(hook, input);
        return memo;
    }

    /// <summary>Gives back a memo from <see cref="RentMemo"/> (its references are dropped).</summary>
    public void ReturnMemo(SuffixMemo memo)
    {
        memo.Clear();
        _spareMemos.Push(memo);
    }

    /// <summary>The branches that ended the current trace, with their final end.</summary>
    public List<Branch> Finals { get; } = new List<Branch>();

    /// <summary>An empty list of branches, to be given back with <see cref="Return"/>.</summary>
    public List<Branch> Rent() => _lists.Count > 0 ? _lists.Pop() : new List<Branch>();

    /// <summary>Gives back a list from <see cref="Rent"/> (its references are dropped).</summary>
    public void Return(List<Branch> list)
    {
        list.Clear();
        _lists.Push(list);
    }

    /// <summary>One step (a <see cref="TraceStep"/>) or run of steps (a <see cref="TraceStep"/>[]) after the node <see cref="Previous"/> (−1: none); <see cref="Length"/> steps from the start.</summary>
    private readonly struct Node
    {
        public Node(object item, int previous, int length)
        {
            Item = item;
            Previous = previous;
            Length = length;
        }

        public object Item { get; }

        public int Previous { get; }

        public int Length { get; }
    }

    private void Clear()
    {
        if (_nodes.Length > 1 << 16) _nodes = new Node[256];
        else Array.Clear(_nodes, 0, _count);
        _count = 0;
        Finals.Clear();
        foreach (var memo in Memos) ReturnMemo(memo);
        Memos.Clear();
        Probabilities.Clear();
        Context.End();
    }
}
