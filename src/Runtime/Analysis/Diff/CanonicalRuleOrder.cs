using System;
using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>
/// The order in which the rules of a chain are compared: the chain order, or, for chains whose
/// service groups are unordered under the options, a canonical order (groups stable-sorted by
/// service between fixed rules). Two chains are equivalent when their canonical orders hold
/// equal rules.
/// </summary>
internal static class CanonicalRuleOrder
{
    private const string MustBeLast = "must be the last rule";

    /// <summary>
    /// The original indices of the rules in comparison order, or null when the chain order is
    /// used as is.
    /// </summary>
    public static int[]? Of(string table, Chain chain, DiffOptions options)
    {
        var rules = chain.Rules;
        if (rules.Count < 2) return null;
        int[]? order = null;
        if (options.KubeProxySort && IsKubeProxySorted(table, chain.Name))
        {
            order = KubeProxySort(rules, IsNatServices(table, chain.Name));
        }
        if (options.UnorderedServiceGroups && IsServiceGroupChain(chain.Name))
        {
            order = ServiceGroups(rules, order);
        }
        return order;
    }

    private static bool IsKubeProxySorted(string table, string chain) =>
        (table == "filter" || table == "nat") && (chain == "KUBE-SERVICES" || chain == "KUBE-NODEPORTS");

    private static bool IsNatServices(string table, string chain) => table == "nat" && chain == "KUBE-SERVICES";

    private static bool IsServiceGroupChain(string chain) =>
        chain == "KUBE-SERVICES" || chain == "KUBE-NODEPORTS" || chain == "KUBE-EXTERNAL-SERVICES" || chain == "KUBE-PROXY-FIREWALL";

    /// <summary>
    /// kube-proxy's test sort: stable by service name; with <paramref name="lastRuleLast"/> the
    /// "must be the last rule" rules go to the end; uncommented rules are barriers (as the Go
    /// comparator answers "not less" both ways for them, insertion sort never moves a rule across).
    /// </summary>
    private static int[] KubeProxySort(ValueList<Rule> rules, bool lastRuleLast)
    {
        var count = rules.Count;
        var keys = new string?[count];
        var order = new int[count];
        var placed = 0;
        var lastRules = new System.Collections.Generic.List<int>();
        for (var i = 0; i < count; i++)
        {
            if (lastRuleLast)
            {
                var comment = ServiceComment.Of(rules[i]);
                if (comment is not null && comment.IndexOf(MustBeLast, StringComparison.Ordinal) >= 0)
                {
                    lastRules.Add(i);
                    continue;
                }
            }
            keys[placed] = ServiceComment.ServiceNameKey(rules[i]);
            order[placed++] = i;
        }
        SortRunsBetweenBarriers(order, keys, placed);
        foreach (var i in lastRules) order[placed++] = i;
        return order;
    }

    /// <summary>Stable sort by service-port key of the runs between rules that belong to no service.</summary>
    private static int[] ServiceGroups(ValueList<Rule> rules, int[]? current)
    {
        var count = rules.Count;
        var order = new int[count];
        var keys = new string?[count];
        for (var c = 0; c < count; c++)
        {
            var i = current is null ? c : current[c];
            order[c] = i;
            keys[c] = ServiceComment.ServicePortKey(rules[i]);
        }
        // An uncommented jump to KUBE-MARK-MASQ belongs to the service group that follows it.
        for (var c = count - 2; c >= 0; c--)
        {
            if (keys[c] is null && keys[c + 1] is not null && ServiceComment.Of(rules[order[c]]) is null
                && rules[order[c]].Target is JumpTarget { Chain: "KUBE-MARK-MASQ" })
            {
                keys[c] = keys[c + 1];
            }
        }
        SortRunsBetweenBarriers(order, keys, count);
        return order;
    }

    /// <summary>
    /// Sorts each maximal run of entries with a non-null key by (key, original position), leaving
    /// null-key entries where they are.
    /// </summary>
    private static void SortRunsBetweenBarriers(int[] order, string?[] keys, int count)
    {
        var start = 0;
        while (start < count)
        {
            if (keys[start] is null)
            {
                start++;
                continue;
            }
            var end = start;
            while (end < count && keys[end] is not null) end++;
            if (end - start > 1)
            {
                var runKeys = new string[end - start];
                var runOrder = new int[end - start];
                for (var p = start; p < end; p++)
                {
                    runKeys[p - start] = keys[p]!;
                    runOrder[p - start] = p;
                }
                Array.Sort(runOrder, (x, y) =>
                {
                    var byKey = string.CompareOrdinal(runKeys[x - start], runKeys[y - start]);
                    return byKey != 0 ? byKey : x.CompareTo(y);
                });
                var sortedOrder = new int[end - start];
                var sortedKeys = new string[end - start];
                for (var p = 0; p < runOrder.Length; p++)
                {
                    sortedOrder[p] = order[runOrder[p]];
                    sortedKeys[p] = keys[runOrder[p]]!;
                }
                Array.Copy(sortedOrder, 0, order, start, sortedOrder.Length);
                Array.Copy(sortedKeys, 0, keys, start, sortedKeys.Length);
            }
            start = end;
        }
    }
}
