using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Model;

namespace NatDsl.Tests.KubeProxy;

/// <summary>
/// The canonical order kube-proxy's unit tests compare in (proxier_test.go sortIPTablesRules):
/// tables by name; KUBE-NODEPORTS, then KUBE-SERVICES, then other KUBE-* chains by name, then
/// the rest; the rules of KUBE-NODEPORTS and KUBE-SERVICES stable-sorted by the service name in
/// their comment (text up to the first space or colon), the nat nodeport tail kept last; every
/// other chain keeps its order. Counters are dropped.
/// </summary>
internal static class KubeProxyTestOrder
{
    private const string NodePorts = "KUBE-NODEPORTS";
    private const string Services = "KUBE-SERVICES";

    public static RuleSet Sort(RuleSet rules)
    {
        var tables = rules.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).Select(SortTable).ToValueList();
        return rules with { Tables = tables };
    }

    private static Table SortTable(Table table)
    {
        var chains = table.Chains
            .OrderBy(c => c.Name == NodePorts ? 0 : c.Name == Services ? 1 : c.Name.StartsWith("KUBE-", StringComparison.Ordinal) ? 2 : 3)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => SortChain(table.Name, c))
            .ToValueList();
        return table with { Chains = chains };
    }

    private static Chain SortChain(string table, Chain chain)
    {
        IEnumerable<Rule> rules = chain.Rules.Select(r => r.WithCounters(null));
        if (chain.Name == NodePorts || chain.Name == Services)
        {
            var tailLast = table == "nat" && chain.Name == Services;
            rules = rules.OrderBy(r => tailLast && IsTail(r) ? 1 : 0).ThenBy(ServiceName, StringComparer.Ordinal);
        }
        return chain with { Counters = null, Rules = rules.ToValueList() };
    }

    private static bool IsTail(Rule rule) => Comment(rule)?.Contains("must be the last rule") == true;

    private static string ServiceName(Rule rule)
    {
        var comment = Comment(rule) ?? string.Empty;
        var end = comment.IndexOfAny(new[] { ' ', ':' });
        return end < 0 ? comment : comment.Substring(0, end);
    }

    private static string? Comment(Rule rule) => rule.Matches.OfType<CommentMatch>().FirstOrDefault()?.Text;
}
