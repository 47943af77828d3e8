using System.Collections.Generic;

namespace NatDsl.Formats.Save;

/// <summary>
/// The lines parsed ahead from one piece of a text, in line order, taken by the line loop in the
/// same order. Stored in chunks (<see cref="LineChunks"/>) below the large object heap's
/// threshold, so a piece with more lines than expected never copies a growing array, nothing of
/// it lands on the large object heap (whose allocations make the collector run full
/// collections), and taken chunks are filled again by later pieces.
/// </summary>
internal sealed class PreparsedLines
{
    private const int ChunkLength = LineChunks.Length;

    private readonly List<PreparsedLine[]?> _chunks = new List<PreparsedLine[]?>();
    private readonly LineChunks _source;
    private int _count;
    private int _next;

    /// <summary>The chain of the rule line taken last (null after a chain line).</summary>
    private string? _takenChain;

    /// <param name="chunks">Where chunks come from and go back to once taken.</param>
    public PreparsedLines(LineChunks chunks) => _source = chunks;

    /// <summary>None (a piece whose parse failed as a whole, or one the loop is done with: the loop parses such lines itself).</summary>
    public static PreparsedLines None { get; } = new PreparsedLines(new LineChunks());

    /// <summary>The number of lines added.</summary>
    public int Count => _count;

    public void Add(in PreparsedLine line)
    {
        var index = _count & (ChunkLength - 1);
        if (index == 0) _chunks.Add(_source.Take());
        _chunks[_chunks.Count - 1]![index] = line;
        _count++;
    }

    /// <summary>
    /// The line starting at <paramref name="offset"/>, if it was parsed ahead; lines before it
    /// that were not taken (the loop read them otherwise) are skipped. Lines are asked for in order.
    /// </summary>
    public bool TryTake(int offset, out PreparsedLine line)
    {
        while (_next < _count)
        {
            var chunk = _chunks[_next / ChunkLength]!;
            var candidate = chunk[_next & (ChunkLength - 1)];
            if (candidate.Offset > offset) break;
            _next++;
            if ((_next & (ChunkLength - 1)) == 0) Release((_next / ChunkLength) - 1);
            if (candidate.Offset == offset)
            {
                line = candidate;
                _takenChain = candidate.IsChainLine ? null : candidate.ChainName;
                return true;
            }
        }
        line = default;
        return false;
    }

    /// <summary>
    /// How many rule lines right after the line taken last are of the same chain (by the very
    /// string, as one worker reads them), in this piece: a hint to size the chain's rule array.
    /// </summary>
    public int SameChainAhead()
    {
        var chain = _takenChain;
        if (chain is null) return 0;
        var count = 0;
        for (var i = _next; i < _count; i++)
        {
            ref readonly var line = ref At(i);
            if (line.IsChainLine || !ReferenceEquals(line.ChainName, chain)) break;
            count++;
        }
        return count;
    }

    /// <summary>Hands back every chunk (nothing is taken from this instance afterwards).</summary>
    public void ReleaseAll()
    {
        if (_count == 0) return; // None is shared, and never changes
        for (var i = 0; i < _chunks.Count; i++) Release(i);
        _next = _count;
    }

    private ref readonly PreparsedLine At(int index) => ref _chunks[index / ChunkLength]![index & (ChunkLength - 1)];

    private void Release(int index)
    {
        var chunk = _chunks[index];
        if (chunk is null) return;
        _chunks[index] = null;
        _source.Return(chunk);
    }
}
