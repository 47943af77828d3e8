using System;
using NatDsl.KubeProxy;
using NatDsl.Model;

namespace NatDsl.Cli.Import;

/// <summary>
/// Follows one service port's chains (KUBE-SVC, KUBE-SVL or KUBE-XLB, KUBE-EXT, KUBE-FW) and
/// records on its <see cref="PortDraft"/> the endpoint chains, affinity, traffic policy, source
/// ranges and the pod CIDR they show.
/// </summary>
internal static class ServiceChainWalker
{
    public static void Walk(Table nat, PortDraft draft, ImportEvidence evidence)
    {
        // The entry chains first: they can name the local and cluster chains.
        if (draft.FirewallChain is { } firewall && nat.FindChain(firewall) is { } firewallChain) ReadFirewall(firewallChain, draft);
        if (draft.ExternalChain is { } external && nat.FindChain(external) is { } externalChain) ReadExternal(externalChain, draft, evidence);
        if (draft.LocalChain is { } local && nat.FindChain(local) is { } localChain) ReadBalancing(localChain, draft, evidence, local: true);
        if (draft.ServiceChain is { } service && nat.FindChain(service) is { } serviceChain) ReadBalancing(serviceChain, draft, evidence, local: false);
    }

    /// <summary>KUBE-SVC / KUBE-SVL / KUBE-XLB: masquerade, redirect, affinity checks and the jumps to the endpoint chains.</summary>
    private static void ReadBalancing(Chain chain, PortDraft draft, ImportEvidence evidence, bool local)
    {
        var endpoints = local ? draft.LocalEndpointChains : draft.ClusterEndpointChains;
        foreach (var rule in chain.Rules)
        {
            var jump = RuleFacts.Jump(rule);
            if (jump == KubeChains.MarkMasq)
            {
                // Current: the cluster-IP masquerade rule heads the internal chain.
                if (rule.Source is { Inverted: true } source) evidence.AddCidr(source.Value);
                else if (rule.Source is null) evidence.MasqueradeAll = true;
                continue;
            }
            if (jump is null) continue;
            if (jump.StartsWith(ChainHashing.ServicePrefix, StringComparison.Ordinal))
            {
                // V1_12 KUBE-XLB: pods reaching the external address go to the cluster chain.
                if (rule.Source is { Inverted: false } pods) evidence.AddCidr(pods.Value);
                draft.ServiceChain ??= jump;
                continue;
            }
            if (!jump.StartsWith(ChainHashing.EndpointPrefix, StringComparison.Ordinal)) continue;
            if (RuleFacts.First<RecentMatch>(rule) is { Command: RecentCommand.Check } recent)
            {
                draft.AffinitySeconds = (int)recent.Seconds;
                continue;
            }
            if (!endpoints.Contains(jump)) endpoints.Add(jump);
        }
    }

    /// <summary>Current KUBE-EXT: which policy the external destinations use.</summary>
    private static void ReadExternal(Chain chain, PortDraft draft, ImportEvidence evidence)
    {
        foreach (var rule in chain.Rules)
        {
            var comment = RuleFacts.Comment(rule);
            var jump = RuleFacts.Jump(rule);
            if (comment is not null && comment.StartsWith("pod traffic for ", StringComparison.Ordinal))
            {
                if (rule.Source is { Inverted: false } pods) evidence.AddCidr(pods.Value);
                draft.ExternalLocal = true;
            }
            else if (comment is not null && (comment.StartsWith("masquerade LOCAL traffic", StringComparison.Ordinal) || comment.StartsWith("route LOCAL traffic", StringComparison.Ordinal)))
            {
                draft.ExternalLocal = true;
            }
            else if (comment is null && jump is not null && jump.StartsWith(ChainHashing.LocalServicePrefix, StringComparison.Ordinal))
            {
                draft.ExternalLocal = true;
                draft.LocalChain ??= jump;
            }
            else if (comment is null && jump is not null && jump.StartsWith(ChainHashing.ServicePrefix, StringComparison.Ordinal))
            {
                draft.ServiceChain ??= jump;
            }
        }
    }

    /// <summary>KUBE-FW: the source ranges, and whether the node's own address is let through.</summary>
    private static void ReadFirewall(Chain chain, PortDraft draft)
    {
        foreach (var rule in chain.Rules)
        {
            var jump = RuleFacts.Jump(rule);
            if (jump is null || jump == KubeChains.MarkMasq || jump == KubeChains.MarkDrop) continue;
            if (jump.StartsWith(ChainHashing.ExternalLocalPrefix, StringComparison.Ordinal))
            {
                draft.ExternalLocal = true;
                draft.LocalChain ??= jump;
            }
            else if (jump.StartsWith(ChainHashing.ExternalPrefix, StringComparison.Ordinal))
            {
                draft.ExternalChain ??= jump;
            }
            else if (jump.StartsWith(ChainHashing.ServicePrefix, StringComparison.Ordinal))
            {
                draft.ServiceChain ??= jump;
            }
            if (rule.Source is not { Inverted: false } source) continue;
            if (source.Value.IsHost && draft.LoadBalancerIPs.Contains(source.Value.Address) && draft.SourceRanges.Count > 0 && !draft.SourceRanges.Contains(source.Value))
            {
                draft.AllowFromNode = true;
                continue;
            }
            if (!draft.SourceRanges.Contains(source.Value)) draft.SourceRanges.Add(source.Value);
        }
    }
}
