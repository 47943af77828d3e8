using System.Collections.Generic;

namespace NatDsl.Formats.Save;

/// <summary>
/// Arrays of pre-parsed lines handed back by the line loop once taken, for the workers to fill
/// again: with the workers a few pieces ahead of the loop, a dump of any size needs only the
/// chunks of those pieces instead of one chunk per thousand lines.
/// </summary>
internal sealed class LineChunks
{
    /// <summary>2,048 lines of 32 bytes: 64 KB, below the 85,000-byte large object threshold.</summary>
    public const int Length = 2048;

    private readonly Stack<PreparsedLine[]> _free = new Stack<PreparsedLine[]>();

    /// <summary>A chunk to fill (its old contents are stale and overwritten).</summary>
    public PreparsedLine[] Take()
    {
        lock (_free)
        {
            if (_free.Count > 0) return _free.Pop();
        }
        return new PreparsedLine[Length];
    }

    /// <summary>Hands back a chunk nothing reads any more.</summary>
    public void Return(PreparsedLine[] chunk)
    {
        lock (_free) _free.Push(chunk);
    }
}
