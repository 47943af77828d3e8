using System;
using System.Collections.Generic;

namespace NatDsl.Cli.Import;

/// <summary>
/// Merges the orders in which several chains show the same items into one order that keeps
/// every chain's order when they agree (a topological sort, ties broken by first appearance).
/// </summary>
internal static class OrderMerge
{
    /// <summary>The merged order, and whether the sequences contradicted each other.</summary>
    public static (List<string> Order, bool Consistent) Merge(IEnumerable<IReadOnlyList<string>> sequences)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        var after = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var indegree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in sequences)
        {
            string? previous = null;
            foreach (var item in sequence)
            {
                if (!rank.ContainsKey(item))
                {
                    rank[item] = rank.Count;
                    after[item] = new HashSet<string>(StringComparer.Ordinal);
                    indegree[item] = 0;
                }
                if (previous is not null && previous != item && after[previous].Add(item)) indegree[item]++;
                previous = item;
            }
        }

        var order = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var consistent = true;
        while (order.Count < rank.Count)
        {
            string? next = null;
            foreach (var item in rank.Keys)
            {
                if (done.Contains(item) || indegree[item] > 0) continue;
                if (next is null || rank[item] < rank[next]) next = item;
            }
            if (next is null)
            {
                consistent = false;
                foreach (var item in rank.Keys)
                {
                    if (!done.Contains(item) && (next is null || rank[item] < rank[next])) next = item;
                }
            }
            order.Add(next!);
            done.Add(next!);
            foreach (var successor in after[next!])
            {
                if (indegree[successor] > 0) indegree[successor]--;
            }
        }
        return (order, consistent);
    }
}
