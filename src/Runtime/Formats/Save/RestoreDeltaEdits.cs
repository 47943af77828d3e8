using System;
using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.Formats.Save;

/// <summary>
/// The shortest rule-level edit script between two versions of a chain (Myers' O(ND)
/// difference), for long chains where a few <c>-D N</c>/<c>-I N</c> lines replace a flush and
/// a rewrite of thousands of rules. Gives up (null) beyond a number of edits.
/// </summary>
internal static class RestoreDeltaEdits
{
    /// <summary>Chains shorter than this are rewritten whole: the edit lines would save little.</summary>
    public const int MinimumRules = 32;

    /// <summary>One step of the script, applied in order to the chain as it is at that moment.</summary>
    public readonly struct Edit
    {
        public Edit(bool insert, int position, Rule? rule)
        {
            Insert = insert;
            Position = position;
            Rule = rule;
        }

        /// <summary>True: <c>-I CHAIN Position rule</c>; false: <c>-D CHAIN Position</c>.</summary>
        public bool Insert { get; }

        /// <summary>The 1-based rule number.</summary>
        public int Position { get; }

        public Rule? Rule { get; }
    }

    /// <summary>
    /// The edits turning <paramref name="old"/> into <paramref name="new"/>, or null when they
    /// would be more than a quarter of the new chain (or than <paramref name="limit"/>).
    /// </summary>
    public static List<Edit>? Compute(ValueList<Rule> old, ValueList<Rule> @new, Func<Rule, Rule, bool> same, int limit = 512)
    {
        var n = old.Count;
        var m = @new.Count;
        var max = Math.Min(limit, Math.Max(1, m / 4));

        // Common prefix and suffix first: most edits touch a few places of a long chain.
        var start = 0;
        while (start < n && start < m && same(old[start], @new[start])) start++;
        var endOld = n;
        var endNew = m;
        while (endOld > start && endNew > start && same(old[endOld - 1], @new[endNew - 1]))
        {
            endOld--;
            endNew--;
        }
        var a = new Rule[endOld - start];
        var b = new Rule[endNew - start];
        for (var i = 0; i < a.Length; i++) a[i] = old[start + i];
        for (var i = 0; i < b.Length; i++) b[i] = @new[start + i];
        var aHash = Hashes(a);
        var bHash = Hashes(b);
        bool Eq(int x, int y) => aHash[x] == bHash[y] && same(a[x], b[y]);

        var trace = Myers(a.Length, b.Length, Eq, max);
        if (trace is null) return null;

        // Walk back from the end to recover the path (trace[d] is V before round d).
        var ops = new List<(bool Insert, int Old, int New)>();
        var x0 = a.Length;
        var y0 = b.Length;
        var offset = max + 1;
        for (var d = trace.Count - 1; d > 0; d--)
        {
            var v = trace[d];
            var k = x0 - y0;
            var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            var prevK = down ? k + 1 : k - 1;
            var prevX = v[offset + prevK];
            var prevY = prevX - prevK;
            while (x0 > prevX && y0 > prevY)
            {
                x0--;
                y0--;
            }
            ops.Add((down, prevX, prevY));
            x0 = prevX;
            y0 = prevY;
        }
        ops.Reverse();

        // Positions: every kept or inserted rule before an edit shifts it by one.
        var edits = new List<Edit>(ops.Count);
        foreach (var op in ops)
        {
            // In the chain being edited, rules before this point are the new rules 0..op.New-1.
            var position = start + op.New + 1;
            edits.Add(op.Insert ? new Edit(true, position, b[op.New]) : new Edit(false, position, null));
        }
        return edits;
    }

    /// <summary>Myers' forward pass: the V array before each round d up to the last, or null beyond <paramref name="max"/> edits.</summary>
    private static List<int[]>? Myers(int n, int m, Func<int, int, bool> eq, int max)
    {
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
                var x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && eq(x, y))
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) return trace;
            }
        }
        return null;
    }

    private static int[] Hashes(Rule[] rules)
    {
        var hashes = new int[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var r = rules[i];
            hashes[i] = (r.Counters is null ? r : r.WithCounters(null)).GetHashCode();
        }
        return hashes;
    }
}
