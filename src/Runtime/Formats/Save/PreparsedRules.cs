using System.Collections.Generic;

namespace NatDsl.Formats.Save;

/// <summary>
/// The rules parsed ahead from one piece of a text, in line order, taken by the line loop in the
/// same order. Stored in chunks below the large object heap's threshold, so a piece with more
/// rule lines than expected never copies a growing array, and nothing of it lands on the large
/// object heap (whose allocations make the collector run full collections).
/// </summary>
internal sealed class PreparsedRules
{
    /// <summary>1,024 rules of 40 bytes: 40 KB, below the 85,000-byte large object threshold.</summary>
    private const int ChunkLength = 1024;

    private readonly List<PreparsedRule[]?> _chunks = new List<PreparsedRule[]?>();
    private int _count;
    private int _next;

    /// <summary>None (a piece whose parse failed as a whole: the line loop parses its lines itself).</summary>
    public static PreparsedRules None => new PreparsedRules();

    /// <summary>The number of rules added.</summary>
    public int Count => _count;

    public void Add(in PreparsedRule rule)
    {
        var index = _count & (ChunkLength - 1);
        if (index == 0) _chunks.Add(new PreparsedRule[ChunkLength]);
        _chunks[_chunks.Count - 1]![index] = rule;
        _count++;
    }

    /// <summary>
    /// The rule of the line starting at <paramref name="offset"/>, if it was parsed ahead; rules
    /// of earlier lines not taken (lines the loop read otherwise) are skipped. Lines are asked for
    /// in order.
    /// </summary>
    public bool TryTake(int offset, out PreparsedRule rule)
    {
        while (_next < _count)
        {
            var chunk = _chunks[_next / ChunkLength]!;
            ref readonly var candidate = ref chunk[_next & (ChunkLength - 1)];
            if (candidate.Offset > offset) break;
            _next++;
            if ((_next & (ChunkLength - 1)) == 0) _chunks[(_next / ChunkLength) - 1] = null; // taken: collectable
            if (candidate.Offset == offset)
            {
                rule = candidate;
                return true;
            }
        }
        rule = default;
        return false;
    }

    /// <summary>True when every rule was taken or skipped.</summary>
    public bool Done => _next >= _count;
}
