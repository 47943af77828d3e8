using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Model;

namespace NatDsl.Analysis.Explain;

/// <summary>Names the component that owns rules kube-proxy did not write, by chain names and rule shapes.</summary>
internal static class ForeignRuleClassifier
{
    public static string OwnerOfChain(string chain)
    {
        if (chain.StartsWith("FLANNEL", StringComparison.Ordinal)) return "flannel";
        if (chain.StartsWith("DOCKER", StringComparison.Ordinal)) return "Docker";
        if (chain.StartsWith("CNI-", StringComparison.Ordinal)) return "CNI plugin";
        if (chain.StartsWith("cali-", StringComparison.Ordinal)) return "Calico";
        if (chain.StartsWith("WEAVE", StringComparison.Ordinal)) return "Weave";
        if (chain.StartsWith("IP-MASQ", StringComparison.Ordinal)) return "ip-masq-agent";
        if (chain.StartsWith("KUBE-", StringComparison.Ordinal)) return "kubelet/kube-proxy";
        return "unknown";
    }

    /// <summary>Describes rules of a built-in chain that do not lead into kube-proxy's chains.</summary>
    public static ForeignRules Describe(Table table, Chain chain, IReadOnlyList<Rule> rules)
    {
        var masq = rules.Where(r => r.Target is MasqueradeTarget).ToList();
        var returns = rules.Where(r => r.Target is VerdictTarget { Verdict: Verdict.Return }).ToList();
        var comments = rules.SelectMany(r => r.Matches.OfType<CommentMatch>()).Select(c => c.Text).ToList();
        if (chain.Name == "POSTROUTING" && masq.Count > 0 && masq.Count + returns.Count == rules.Count)
        {
            var networks = rules
                .SelectMany(r => new[] { r.Source, r.Destination })
                .Where(n => n is not null && !n.Value.IsAny && !IsMulticast(n.Value))
                .Select(n => n!.Value.ToString())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var owner = comments.Any(c => c.IndexOf("flannel", StringComparison.OrdinalIgnoreCase) >= 0) || masq.Any(r => r.Destination is { Inverted: true } d && d.Value.ToString() == "224.0.0.0/4")
                ? "flannel"
                : "unknown";
            return new ForeignRules(table.Name, chain.Name, rules.Count, owner,
                masq.Count + " MASQUERADE and " + returns.Count + " RETURN rules" + (networks.Count > 0 ? " for " + string.Join(", ", networks) : string.Empty) +
                (owner == "flannel" ? " (flannel --ip-masq: pod traffic leaving the pod network is masqueraded)" : string.Empty));
        }
        var targets = rules.Select(r => r.Target?.Name ?? "(no target)").Distinct(StringComparer.Ordinal).ToList();
        return new ForeignRules(table.Name, chain.Name, rules.Count, OwnerOfChain(chain.Name), rules.Count + " rules with targets " + string.Join(", ", targets));
    }

    private static bool IsMulticast(IpNetwork network) => network.Family == IpFamily.V4
        ? network.Address.V4Value >> 28 == 0xE
        : network.Address.High >> 56 == 0xFF;
}
