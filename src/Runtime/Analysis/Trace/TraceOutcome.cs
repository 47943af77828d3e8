using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>One possible fate of the packet, with its exact probability and the rules that led there.</summary>
/// <remarks>
/// The tracer makes <see cref="Path"/> when it is first read, from the branches of its trace
/// (shared by the trace's outcomes); a trace whose paths are never read never lists them.
/// Equality and text are those of the values, as for any record.
/// </remarks>
public sealed record TraceOutcome
{
    /// <summary>Masqueraded, SNAT source and reason, shared with the tracer's branch.</summary>
    private BranchFacts _facts = BranchFacts.None;

    /// <summary>The path: a <see cref="ValueList{T}"/> once made, or the <see cref="PathTree"/> to make it from (ending at <see cref="_pathEnd"/>).</summary>
    private object? _path = ValueList<TraceStep>.Empty;

    private int _pathEnd;

    /// <summary>An outcome with the defaults, to be set with an object initializer.</summary>
    public TraceOutcome()
    {
    }

    /// <summary>The tracer's outcome, its path ending at <paramref name="pathEnd"/> of <paramref name="paths"/> (null: empty).</summary>
    internal TraceOutcome(Probability probability, IpAddress destination, int destinationPort, BranchFacts facts, TraceVerdict verdict, uint mark, PathTree? paths, int pathEnd)
    {
        Probability = probability;
        Destination = destination;
        DestinationPort = destinationPort;
        _facts = facts;
        Verdict = verdict;
        Mark = mark;
        if (paths is not null)
        {
            _path = paths;
            _pathEnd = pathEnd;
        }
    }

    /// <summary>The probability of this outcome.</summary>
    public Probability Probability { get; init; }

    /// <summary>The destination address after NAT.</summary>
    public IpAddress Destination { get; init; }

    /// <summary>The destination port after NAT.</summary>
    public int DestinationPort { get; init; }

    /// <summary>True when POSTROUTING masquerades (or SNATs) the source.</summary>
    public bool Masqueraded
    {
        get => _facts.Masqueraded;
        init => _facts = BranchFacts.Of(value, _facts.SnatSource, _facts.Reason);
    }

    /// <summary>The SNAT source address when an SNAT rule set one.</summary>
    public IpAddress? SnatSource
    {
        get => _facts.SnatSource;
        init => _facts = BranchFacts.Of(_facts.Masqueraded, value, _facts.Reason);
    }

    /// <summary>The final verdict.</summary>
    public TraceVerdict Verdict { get; init; }

    /// <summary>The packet mark at the end.</summary>
    public uint Mark { get; init; }

    /// <summary>The rules on the path, in order.</summary>
    public ValueList<TraceStep> Path
    {
        get => _path as ValueList<TraceStep> ?? MakePath();
        init => _path = value;
    }

    /// <summary>Why the verdict is what it is, in words, when it is not plain (opaque extension, REJECT type…).</summary>
    public string Reason
    {
        get => _facts.Reason;
        init => _facts = BranchFacts.Of(_facts.Masqueraded, _facts.SnatSource, value);
    }

    /// <inheritdoc />
    public bool Equals(TraceOutcome? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null) return false;
        return Probability == other.Probability &&
            Destination == other.Destination &&
            DestinationPort == other.DestinationPort &&
            Masqueraded == other.Masqueraded &&
            System.Nullable.Equals(SnatSource, other.SnatSource) &&
            Verdict == other.Verdict &&
            Mark == other.Mark &&
            string.Equals(Reason, other.Reason, System.StringComparison.Ordinal) &&
            SamePath(other);
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = Probability.GetHashCode();
            hash = (hash * -1521134295) + Destination.GetHashCode();
            hash = (hash * -1521134295) + DestinationPort;
            hash = (hash * -1521134295) + (Masqueraded ? 1 : 0);
            hash = (hash * -1521134295) + (SnatSource?.GetHashCode() ?? 0);
            hash = (hash * -1521134295) + (int)Verdict;
            hash = (hash * -1521134295) + (int)Mark;
            hash = (hash * -1521134295) + EqualityComparer<ValueList<TraceStep>>.Default.GetHashCode(Path);
            hash = (hash * -1521134295) + (Reason?.GetHashCode() ?? 0);
            return hash;
        }
    }

    private bool SamePath(TraceOutcome other)
    {
        if (_path is PathTree mine && other._path is PathTree theirs && PathTree.SameNode(mine, _pathEnd, theirs, other._pathEnd)) return true;
        return EqualityComparer<ValueList<TraceStep>>.Default.Equals(Path, other.Path);
    }

    private ValueList<TraceStep> MakePath()
    {
        if (_path is not PathTree tree) return (ValueList<TraceStep>)_path!;
        var list = tree.ToList(_pathEnd);
        _path = list;
        return list;
    }
}
