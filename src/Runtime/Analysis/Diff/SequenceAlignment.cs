using System;
using System.Collections.Generic;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// Aligns two sequences of interned rule ids: Myers' O((N+M)·D) longest common subsequence after
/// stripping the common prefix and suffix, with a fallback for very different long sequences
/// (multiset matching, then the longest run that keeps order) so that nothing is quadratic.
/// </summary>
internal static class SequenceAlignment
{
    /// <summary>Most edit steps Myers may take before the fallback (bounds its O(D²) trace memory).</summary>
    private const int MaxEditSteps = 2000;

    /// <summary>Bound on (N+M)·D, the work Myers may do before the fallback.</summary>
    private const long WorkBudget = 40_000_000;

    /// <summary>
    /// Fills <paramref name="matchA"/> (for each index of <paramref name="a"/> the matched index
    /// of <paramref name="b"/> or -1) and <paramref name="matchB"/> likewise. Matched pairs are
    /// increasing on both sides.
    /// </summary>
    public static void Align(int[] a, int[] b, int[] matchA, int[] matchB)
    {
        for (var i = 0; i < matchA.Length; i++) matchA[i] = -1;
        for (var j = 0; j < matchB.Length; j++) matchB[j] = -1;
        int n = a.Length, m = b.Length;
        var prefix = 0;
        while (prefix < n && prefix < m && a[prefix] == b[prefix])
        {
            matchA[prefix] = prefix;
            matchB[prefix] = prefix;
            prefix++;
        }
        var suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
        {
            matchA[n - 1 - suffix] = m - 1 - suffix;
            matchB[m - 1 - suffix] = n - 1 - suffix;
            suffix++;
        }
        var aCount = n - prefix - suffix;
        var bCount = m - prefix - suffix;
        if (aCount == 0 || bCount == 0) return;
        if (!Myers(a, prefix, aCount, b, prefix, bCount, matchA, matchB))
        {
            MultisetThenOrder(a, prefix, aCount, b, prefix, bCount, matchA, matchB);
        }
    }

    private static bool Myers(int[] a, int aStart, int n, int[] b, int bStart, int m, int[] matchA, int[] matchB)
    {
        var total = n + m;
        var maxD = (int)Math.Min(Math.Min(total, MaxEditSteps), Math.Max(64, WorkBudget / total));
        var offset = maxD + 1;
        var v = new int[(2 * maxD) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= maxD; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    trace.Add(Snapshot(v, offset, d));
                    Backtrack(trace, n, m, aStart, bStart, matchA, matchB);
                    return true;
                }
            }
            trace.Add(Snapshot(v, offset, d));
        }
        return false;
    }

    private static int[] Snapshot(int[] v, int offset, int d)
    {
        var copy = new int[(2 * d) + 1];
        Array.Copy(v, offset - d, copy, 0, copy.Length);
        return copy;
    }

    private static void Backtrack(List<int[]> trace, int n, int m, int aStart, int bStart, int[] matchA, int[] matchB)
    {
        int x = n, y = m;
        for (var d = trace.Count - 1; d > 0; d--)
        {
            var previous = trace[d - 1]; // V after step d-1, indexed k + (d-1)
            var k = x - y;
            var prevK = k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1]) ? k + 1 : k - 1;
            var prevX = previous[prevK + d - 1];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                x--;
                y--;
                matchA[aStart + x] = bStart + y;
                matchB[bStart + y] = aStart + x;
            }
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0)
        {
            x--;
            y--;
            matchA[aStart + x] = bStart + y;
            matchB[bStart + y] = aStart + x;
        }
    }

    private static void MultisetThenOrder(int[] a, int aStart, int n, int[] b, int bStart, int m, int[] matchA, int[] matchB)
    {
        var positions = new Dictionary<int, Queue<int>>();
        for (var j = bStart; j < bStart + m; j++)
        {
            if (!positions.TryGetValue(b[j], out var queue))
            {
                queue = new Queue<int>();
                positions.Add(b[j], queue);
            }
            queue.Enqueue(j);
        }
        var pairA = new List<int>();
        var pairB = new List<int>();
        for (var i = aStart; i < aStart + n; i++)
        {
            if (positions.TryGetValue(a[i], out var queue) && queue.Count > 0)
            {
                pairA.Add(i);
                pairB.Add(queue.Dequeue());
            }
        }
        var keep = LongestIncreasingRun.Select(pairB);
        for (var p = 0; p < keep.Length; p++)
        {
            if (!keep[p]) continue;
            matchA[pairA[p]] = pairB[p];
            matchB[pairB[p]] = pairA[p];
        }
    }
}
