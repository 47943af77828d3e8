using System.Collections.Generic;
using NatDsl.Model;
using NatDsl.Spec;
using static NatDsl.KubeProxy.RuleParts;

namespace NatDsl.KubeProxy;

/// <summary>
/// The rules that share the node's filter and nat tables with kube-proxy's restore content:
/// the hook rules (kubelet's, kube-proxy's and the plugins', in the order they are ensured),
/// kubelet's own chains, the monitor canaries and the plugins' masquerade chains.
/// </summary>
internal static class NodeNeighbours
{
    public const string KubeProxyOwner = "kube-proxy";
    public const string KubeletOwner = "kubelet";
    public const string FlannelOwner = "flannel";
    public const string IpMasqAgentOwner = "ip-masq-agent";

    /// <summary>kubelet's drop mark (<c>--iptables-drop-bit</c> 15).</summary>
    public const uint KubeletDropMark = 0x8000;

    /// <summary>The hook rules in the order they end up ensured: kubelet first (it starts before kube-proxy), then kube-proxy, then the plugins.</summary>
    public static List<HookRule> Hooks(ClusterSpec spec, ClusterPlan plan)
    {
        var hooks = new List<HookRule>();
        var rules = plan.Rules;
        if (spec.KubeletChains)
        {
            hooks.Add(new HookRule("filter", "OUTPUT", new Rule { Target = Jump(KubeChains.Firewall) }, HookPosition.Prepend, KubeletOwner));
            hooks.Add(new HookRule("filter", "INPUT", new Rule { Target = Jump(KubeChains.Firewall) }, HookPosition.Prepend, KubeletOwner));
            if (rules.Profile == KubeProxyProfile.V1_12)
            {
                hooks.Add(new HookRule("nat", "POSTROUTING", HookRuleOf(new JumpHook("nat", "POSTROUTING", KubeChains.Postrouting, "kubernetes postrouting rules", false)), HookPosition.Prepend, KubeletOwner));
            }
        }
        foreach (var hook in rules.JumpHooks) hooks.Add(new HookRule(hook.Table, hook.Source, HookRuleOf(hook), HookPosition.Prepend, KubeProxyOwner));
        foreach (var hook in rules.KubeletDuplicateHooks) hooks.Add(new HookRule(hook.Table, hook.Source, HookRuleOf(hook), HookPosition.Prepend, KubeProxyOwner));

        var masq = spec.Masquerade;
        if (masq.PodNetwork is IpNetwork network)
        {
            foreach (var rule in FlannelPostrouting(network, masq.NodeSubnet, plan)) hooks.Add(new HookRule("nat", "POSTROUTING", rule, HookPosition.Append, FlannelOwner));
            hooks.Add(new HookRule("filter", "FORWARD", new Rule { Source = Net(network), Target = VerdictTarget.Accept }, HookPosition.Append, FlannelOwner));
            hooks.Add(new HookRule("filter", "FORWARD", new Rule { Destination = Net(network), Target = VerdictTarget.Accept }, HookPosition.Append, FlannelOwner));
        }
        if (masq.NonMasqueradeCidrs is not null)
        {
            hooks.Add(new HookRule("nat", "POSTROUTING", new Rule
            {
                Matches = Matches(
                    Comment("ip-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom " + KubeChains.IpMasqAgent + " chain"),
                    DestinationLocal(inverted: true)),
                Target = Jump(KubeChains.IpMasqAgent),
            }, HookPosition.Append, IpMasqAgentOwner));
        }
        return hooks;
    }

    /// <summary><c>[-m conntrack --ctstate NEW] [-m comment --comment C] -j TARGET</c>.</summary>
    public static Rule HookRuleOf(JumpHook hook)
    {
        var matches = new List<Match>();
        if (hook.ConntrackNew) matches.Add(State(ConntrackStates.New));
        if (hook.Comment is not null) matches.Add(Comment(hook.Comment));
        return new Rule { Matches = matches.ToValueList(), Target = Jump(hook.Target) };
    }

    /// <summary>flannel's four <c>--ip-masq</c> rules (three without a node subnet).</summary>
    private static IEnumerable<Rule> FlannelPostrouting(IpNetwork network, IpNetwork? subnet, ClusterPlan plan)
    {
        var multicast = plan.Family == IpFamily.V6 ? IpNetwork.Parse("ff00::/8") : IpNetwork.Parse("224.0.0.0/4");
        var masquerade = new MasqueradeTarget(RandomFully: plan.RandomFully);
        yield return new Rule { Source = Net(network), Destination = Net(network), Target = VerdictTarget.Return };
        yield return new Rule { Source = Net(network), Destination = Net(multicast, inverted: true), Target = masquerade };
        if (subnet is IpNetwork lease) yield return new Rule { Source = Net(network, inverted: true), Destination = Net(lease), Target = VerdictTarget.Return };
        yield return new Rule { Source = Net(network, inverted: true), Destination = Net(network), Target = masquerade };
    }

    /// <summary>User chains that kubelet, the canaries and the plugins add, per table (they never replace kube-proxy's content).</summary>
    public static void AddChains(ClusterSpec spec, ClusterPlan plan, TableBuilder filter, TableBuilder nat)
    {
        var rules = plan.Rules;
        if (spec.KubeletChains)
        {
            if (rules.Profile == KubeProxyProfile.V1_12)
            {
                AddIfMissing(nat, KubeChains.MarkDrop, new Rule { Target = MarkTarget.Or(KubeletDropMark) });
                AddIfMissing(filter, KubeChains.Firewall, new Rule
                {
                    Matches = Matches(Comment(ServiceComments.KubeletFirewallDrop), new MarkMatch(KubeletDropMark, KubeletDropMark)),
                    Target = VerdictTarget.Drop,
                });
            }
            else
            {
                AddIfMissing(filter, KubeChains.Firewall, plan.Family == IpFamily.V4 ? IptablesEmitter.LocalnetFirewallRule() : null);
                AddIfMissing(filter, KubeChains.KubeletCanary, null);
                AddIfMissing(nat, KubeChains.KubeletCanary, null);
            }
        }
        if (rules.KubeletDuplicateHooks.Count > 0) AddIfMissing(filter, KubeChains.Firewall, null);
        if (rules.Canaries)
        {
            AddIfMissing(filter, KubeChains.ProxyCanary, null);
            AddIfMissing(nat, KubeChains.ProxyCanary, null);
        }

        var nonMasquerade = spec.Masquerade.NonMasqueradeCidrs;
        if (nonMasquerade is not null)
        {
            nat.Declare(KubeChains.IpMasqAgent);
            var local = Comment("ip-masq-agent: local traffic is not subject to MASQUERADE");
            var linkLocal = plan.Family == IpFamily.V6 ? IpNetwork.Parse("fe80::/10") : IpNetwork.Parse("169.254.0.0/16");
            nat.Append(KubeChains.IpMasqAgent, new Rule { Destination = Net(linkLocal), Matches = Matches(local), Target = VerdictTarget.Return });
            foreach (var cidr in nonMasquerade) nat.Append(KubeChains.IpMasqAgent, new Rule { Destination = Net(cidr), Matches = Matches(local), Target = VerdictTarget.Return });
            nat.Append(KubeChains.IpMasqAgent, new Rule
            {
                Matches = Matches(Comment("ip-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)")),
                // ip-masq-agent writes a bare "-j MASQUERADE" (no port range: iptables refuses
                // --to-ports without "-p tcp/udp/sctp/dccp").
                Target = new MasqueradeTarget(RandomFully: plan.RandomFully),
            });
        }
    }

    private static void AddIfMissing(TableBuilder table, string chain, Rule? rule)
    {
        if (table.Has(chain)) return;
        table.Declare(chain);
        if (rule is not null) table.Append(chain, rule);
    }
}
