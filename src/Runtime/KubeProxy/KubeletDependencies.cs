using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;

namespace NatDsl.KubeProxy;

/// <summary>
/// kube-proxy 1.12–1.16 jumps to kubelet's KUBE-MARK-DROP (load-balancer firewall chains, and
/// KUBE-XLB chains without local endpoints) but never creates it. Without kubelet's chains
/// (<see cref="ClusterSpec.KubeletChains"/> false) iptables-restore would refuse those rules, so
/// such a spec is an error rather than a script that cannot be loaded.
/// </summary>
internal static class KubeletDependencies
{
    /// <summary>Whether <see cref="Check"/> has anything to look for (1.12 rules on a node without kubelet's chains).</summary>
    public static bool Applies(ClusterSpec spec, ClusterPlan plan) => !spec.KubeletChains && plan.Rules.Profile == KubeProxyProfile.V1_12;

    /// <summary>The errors for jumps to kubelet's chains that the node does not have.</summary>
    public static List<SpecError> Check(ClusterSpec spec, ClusterPlan plan, Table nat)
    {
        var errors = new List<SpecError>();
        if (!Applies(spec, plan)) return errors;
        foreach (var chain in nat.Chains)
        {
            foreach (var rule in chain.Rules)
            {
                if (rule.Target is not JumpTarget { Chain: KubeChains.MarkDrop }) continue;
                errors.Add(new SpecError(ServiceOf(rule), "settings.kubeletChains",
                    "kube-proxy 1.12 rules jump to " + KubeChains.MarkDrop + " (in " + chain.Name + "), which kubelet creates; declare KubeletChains(true)"));
                break;
            }
        }
        return errors;
    }

    private static string? ServiceOf(Rule rule)
    {
        foreach (var match in rule.Matches)
        {
            if (match is not CommentMatch comment) continue;
            var colon = comment.Text.IndexOf(':');
            var space = comment.Text.IndexOf(' ');
            var end = colon >= 0 && (space < 0 || colon < space) ? colon : space;
            return end > 0 ? comment.Text.Substring(0, end) : comment.Text;
        }
        return null;
    }
}
