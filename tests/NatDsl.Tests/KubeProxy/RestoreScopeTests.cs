using System.Linq;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;
using static NatDsl.Tests.KubeProxy.ExpectedRule;

namespace NatDsl.Tests.KubeProxy;

/// <summary>The two restore variants: kube-proxy's --noflush content with its hooks, and the node's self-contained tables.</summary>
public class RestoreScopeTests
{
    private static CompiledRules Seed(bool selfContained) =>
        KubeProxyCompiler.CompileWithScope(ClusterSpec.Build(SeedCluster.Define), new CompileOptions { SelfContained = selfContained });

    private static CompiledRules Overall(bool selfContained) =>
        KubeProxyCompiler.CompileWithScope(ClusterSpec.Build(KubeProxyTestClusters.Overall), new CompileOptions { SelfContained = selfContained });

    [Test]
    public void No_flush_scope_lists_the_chains_kube_proxy_declares()
    {
        var compiled = Seed(selfContained: false);
        Assert.That(compiled.Scope.NoFlush, Is.True);
        Assert.That(compiled.Scope.Tables.Select(t => t.Table), Is.EqualTo(new[] { "filter", "nat" }));
        Assert.That(compiled.Scope.Tables[0].Chains, Is.EqualTo(new[] { "KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES", "KUBE-FORWARD" }));
        Assert.That(compiled.Scope.Tables[1].Chains.Take(8), Is.EqualTo(new[]
        {
            "KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ",
            "KUBE-SVC-BPMGLFJT3B65TD5S", "KUBE-SEP-3JV6F2ZOHII4PTUE", "KUBE-SEP-SDUY4ET7UO7K7WNU", "KUBE-SVC-Z3R3N3G6T6ZAFB4A",
        }));
        Assert.That(compiled.Scope.Owns("nat", "KUBE-SEP-UQFL47CD2HHCHOK6"), Is.True);
        Assert.That(compiled.Scope.Owns("nat", "KUBE-MARK-DROP"), Is.False, "kubelet's chain");
        Assert.That(compiled.Scope.Owns("nat", "POSTROUTING"), Is.False);
        Assert.That(compiled.RuleSet.FindTable("nat")!.FindChain("PREROUTING"), Is.Null);
    }

    [Test]
    public void Hooks_are_recorded_in_the_order_they_are_ensured()
    {
        var hooks = Seed(selfContained: false).Scope.Hooks;
        var kubeProxy = hooks.Where(h => h.Owner == "kube-proxy").ToArray();
        Assert.That(kubeProxy.Select(h => h.Table + " " + h.Chain + " -> " + ((JumpTarget)h.Rule.Target!).Chain), Is.EqualTo(new[]
        {
            "filter INPUT -> KUBE-EXTERNAL-SERVICES", "filter FORWARD -> KUBE-SERVICES", "filter OUTPUT -> KUBE-SERVICES",
            "filter INPUT -> KUBE-SERVICES", "filter FORWARD -> KUBE-FORWARD",
            "nat OUTPUT -> KUBE-SERVICES", "nat PREROUTING -> KUBE-SERVICES", "nat POSTROUTING -> KUBE-POSTROUTING",
        }));
        Assert.That(kubeProxy.All(h => h.Position == HookPosition.Prepend), Is.True);
        Assert.That(kubeProxy[0].Rule, Is.EqualTo(New().CtState(ConntrackStates.New).Comment("kubernetes externally-visible service portals").Jump("KUBE-EXTERNAL-SERVICES")));
        Assert.That(hooks.Where(h => h.Owner == "flannel").All(h => h.Position == HookPosition.Append), Is.True);
        Assert.That(hooks.Count(h => h.Owner == "flannel"), Is.EqualTo(6));
        Assert.That(hooks.Count(h => h.Owner == "kubelet"), Is.EqualTo(3));
    }

    [Test]
    public void Self_contained_v1_12_filter_has_kubelet_firewall_and_prepended_hooks()
    {
        var compiled = Seed(selfContained: true);
        Assert.That(compiled.Scope.NoFlush, Is.False);
        var filter = compiled.RuleSet.FindTable("filter")!;
        ModelAssert.ChainsAre(filter, "INPUT", "FORWARD", "OUTPUT", "KUBE-EXTERNAL-SERVICES", "KUBE-FIREWALL", "KUBE-FORWARD", "KUBE-SERVICES");
        var portals = New().CtState(ConntrackStates.New).Comment("kubernetes service portals").Jump("KUBE-SERVICES");
        ModelAssert.RulesAre(filter, "INPUT",
            portals,
            New().CtState(ConntrackStates.New).Comment("kubernetes externally-visible service portals").Jump("KUBE-EXTERNAL-SERVICES"),
            New().Jump("KUBE-FIREWALL"));
        ModelAssert.RulesAre(filter, "FORWARD",
            New().Comment("kubernetes forwarding rules").Jump("KUBE-FORWARD"),
            portals,
            New().Src("10.254.0.0/16").Accept(),
            New().Dst("10.254.0.0/16").Accept());
        ModelAssert.RulesAre(filter, "OUTPUT", portals, New().Jump("KUBE-FIREWALL"));
        ModelAssert.RulesAre(filter, "KUBE-FIREWALL", New().Comment("kubernetes firewall for dropping marked packets").Mark(0x8000, 0x8000).Drop());
        Assert.That(compiled.Scope.Tables[1].Chains.Take(4), Is.EqualTo(new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" }));
    }

    [Test]
    public void Self_contained_current_tables_have_the_familiar_hook_layout()
    {
        var rules = Overall(selfContained: true).RuleSet;
        var filter = rules.FindTable("filter")!;
        var firewall = New().CtState(ConntrackStates.New).Comment("kubernetes load balancer firewall").Jump("KUBE-PROXY-FIREWALL");
        var portals = New().CtState(ConntrackStates.New).Comment("kubernetes service portals").Jump("KUBE-SERVICES");
        var external = New().CtState(ConntrackStates.New).Comment("kubernetes externally-visible service portals").Jump("KUBE-EXTERNAL-SERVICES");
        ModelAssert.RulesAre(filter, "INPUT", firewall, New().Comment("kubernetes health check service ports").Jump("KUBE-NODEPORTS"), external, New().Jump("KUBE-FIREWALL"));
        ModelAssert.RulesAre(filter, "FORWARD", firewall, New().Comment("kubernetes forwarding rules").Jump("KUBE-FORWARD"), portals, external);
        ModelAssert.RulesAre(filter, "OUTPUT", firewall, portals, New().Jump("KUBE-FIREWALL"));
        ModelAssert.ChainsAre(filter, "INPUT", "FORWARD", "OUTPUT", "KUBE-EXTERNAL-SERVICES", "KUBE-FIREWALL", "KUBE-FORWARD",
            "KUBE-KUBELET-CANARY", "KUBE-NODEPORTS", "KUBE-PROXY-CANARY", "KUBE-PROXY-FIREWALL", "KUBE-SERVICES");
        Assert.That(filter.FindChain("KUBE-FIREWALL")!.Rules.Count, Is.EqualTo(1), "kubelet's and kube-proxy's identical rule appear once");

        var nat = rules.FindTable("nat")!;
        ModelAssert.RulesAre(nat, "POSTROUTING", New().Comment("kubernetes postrouting rules").Jump("KUBE-POSTROUTING"));
        Assert.That(nat.FindChain("KUBE-MARK-DROP"), Is.Null, "current kubelet no longer creates it");
        Assert.That(nat.FindChain("KUBE-PROXY-CANARY"), Is.Not.Null);
        var names = nat.Chains.Skip(4).Select(c => c.Name).ToArray();
        Assert.That(names, Is.EqualTo(names.OrderBy(n => n, System.StringComparer.Ordinal).ToArray()));
    }

    [Test]
    public void Without_kubelet_kube_proxy_installs_its_own_firewall_hooks_first()
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(c => KubeProxyTestClusters.Overall(c.KubeletChains(false))), new CompileOptions { SelfContained = true });
        var input = rules.FindTable("filter")!.FindChain("INPUT")!.Rules;
        Assert.That(input[0], Is.EqualTo(New().Jump("KUBE-FIREWALL")));
        Assert.That(rules.FindTable("filter")!.FindChain("KUBE-KUBELET-CANARY"), Is.Null);
    }

    [Test]
    public void Ip_masq_agent_rules()
    {
        var rules = KubeProxyCompiler.Compile(ClusterSpec.Build(c => c.ClusterCidr("10.0.0.0/8").NonMasqueradeCidrs("10.0.0.0/8")), new CompileOptions { SelfContained = true });
        var nat = rules.FindTable("nat")!;
        ModelAssert.RulesAre(nat, "POSTROUTING",
            New().Comment("kubernetes postrouting rules").Jump("KUBE-POSTROUTING"),
            New().Comment("ip-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom IP-MASQ-AGENT chain").DstTypeLocal(inverted: true).Jump("IP-MASQ-AGENT"));
        ModelAssert.RulesAre(nat, "IP-MASQ-AGENT",
            New().Dst("169.254.0.0/16").Comment("ip-masq-agent: local traffic is not subject to MASQUERADE").Return(),
            New().Dst("10.0.0.0/8").Comment("ip-masq-agent: local traffic is not subject to MASQUERADE").Return(),
            New().Comment("ip-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)").Build(new MasqueradeTarget(RandomFully: true)));
    }
}
