using System.Collections.Generic;

namespace NatDsl.Analysis.Diff;

/// <summary>Longest strictly increasing subsequence, in O(n log n).</summary>
internal static class LongestIncreasingRun
{
    /// <summary>
    /// Marks (true) the members of one longest strictly increasing
    /// subsequence of <paramref name="values"/> (deterministic: the one ending earliest).
    /// </summary>
    public static bool[] Select(IReadOnlyList<int> values)
    {
        var count = values.Count;
        var keep = new bool[count];
        if (count == 0) return keep;
        var tails = new int[count];       // index into values of the smallest tail of each length
        var previous = new int[count];
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            var value = values[i];
            int lo = 0, hi = length;
            while (lo < hi)
            {
                var mid = (lo + hi) >> 1;
                if (values[tails[mid]] < value) lo = mid + 1;
                else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) length++;
        }
        for (var i = tails[length - 1]; i >= 0; i = previous[i]) keep[i] = true;
        return keep;
    }
}
