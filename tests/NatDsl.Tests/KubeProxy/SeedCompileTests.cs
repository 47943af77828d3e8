using System.Linq;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;
using static NatDsl.Tests.KubeProxy.ExpectedRule;

namespace NatDsl.Tests.KubeProxy;

/// <summary>The V1_12 profile reproduces every chain and rule of golden/seed.listing.txt (nat, self-contained).</summary>
public class SeedCompileTests
{
    private const string PodCidr = "!10.254.0.0/16";
    private const string Masq = "KUBE-MARK-MASQ";

    private static Table SeedNat() =>
        KubeProxyCompiler.Compile(ClusterSpec.Build(SeedCluster.Define), new CompileOptions { SelfContained = true }).FindTable("nat")!;

    [Test]
    public void Chains_are_the_seed_chains_in_listing_order()
    {
        ModelAssert.ChainsAre(SeedNat(),
            "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING",
            "KUBE-MARK-DROP", "KUBE-MARK-MASQ", "KUBE-NODEPORTS", "KUBE-POSTROUTING",
            "KUBE-SEP-2ETOGMBR3D5CXS34", "KUBE-SEP-3JV6F2ZOHII4PTUE", "KUBE-SEP-EL7AM53YBYVU7MNA", "KUBE-SEP-ER6Z6DZEOUVFTBJW",
            "KUBE-SEP-IWFTC2T6CTL3MLMY", "KUBE-SEP-KS6VDJH5DJ57DL4B", "KUBE-SEP-LS5M55Q5SBUJEOD2", "KUBE-SEP-NYSKW4FUJNBHS72E",
            "KUBE-SEP-SDUY4ET7UO7K7WNU", "KUBE-SEP-SQ36TMKWQVNIB7L2", "KUBE-SEP-UQFL47CD2HHCHOK6",
            "KUBE-SERVICES",
            "KUBE-SVC-BPMGLFJT3B65TD5S", "KUBE-SVC-ERIFXISQEP7F7OF4", "KUBE-SVC-N7RVRFO6KG6JK57Y", "KUBE-SVC-NPX46M4PTMTKRN6Y",
            "KUBE-SVC-TCOU7JCQXEZGVUNU", "KUBE-SVC-Z3R3N3G6T6ZAFB4A");
    }

    [Test]
    public void Built_in_chains_hold_the_hooks_and_flannel_rules()
    {
        var nat = SeedNat();
        ModelAssert.RulesAre(nat, "PREROUTING", New().Comment("kubernetes service portals").Jump("KUBE-SERVICES"));
        ModelAssert.RulesAre(nat, "INPUT");
        ModelAssert.RulesAre(nat, "OUTPUT", New().Comment("kubernetes service portals").Jump("KUBE-SERVICES"));
        ModelAssert.RulesAre(nat, "POSTROUTING",
            New().Comment("kubernetes postrouting rules").Jump("KUBE-POSTROUTING"),
            New().Src("10.254.0.0/16").Dst("10.254.0.0/16").Return(),
            New().Src("10.254.0.0/16").Dst("!224.0.0.0/4").Masquerade(),
            New().Src("!10.254.0.0/16").Dst("10.254.98.0/24").Return(),
            New().Src("!10.254.0.0/16").Dst("10.254.0.0/16").Masquerade());
        Assert.That(nat.Chains.Take(4).All(c => c.Policy == ChainPolicy.Accept), Is.True);
    }

    [Test]
    public void Fixed_chains_match_the_seed()
    {
        var nat = SeedNat();
        ModelAssert.RulesAre(nat, "KUBE-MARK-DROP", New().MarkOr(0x8000));
        ModelAssert.RulesAre(nat, "KUBE-MARK-MASQ", New().MarkOr(0x4000));
        ModelAssert.RulesAre(nat, "KUBE-POSTROUTING", New().Comment("kubernetes service traffic requiring SNAT").Mark(0x4000, 0x4000).Masquerade());
        ModelAssert.RulesAre(nat, "KUBE-NODEPORTS",
            New().Comment("kys/dnsutils-ds:http").Tcp(34573).Jump(Masq),
            New().Comment("kys/dnsutils-ds:http").Tcp(34573).Jump("KUBE-SVC-Z3R3N3G6T6ZAFB4A"));
    }

    [Test]
    public void Services_chain_matches_the_seed_in_declaration_order()
    {
        ModelAssert.RulesAre(SeedNat(), "KUBE-SERVICES",
            New().Src(PodCidr).Dst("10.254.8.203").Comment("kys/my-nginx: cluster IP").Tcp(80).Jump(Masq),
            New().Dst("10.254.8.203").Comment("kys/my-nginx: cluster IP").Tcp(80).Jump("KUBE-SVC-BPMGLFJT3B65TD5S"),
            New().Src(PodCidr).Dst("10.254.212.225").Comment("kys/dnsutils-ds:http cluster IP").Tcp(80).Jump(Masq),
            New().Dst("10.254.212.225").Comment("kys/dnsutils-ds:http cluster IP").Tcp(80).Jump("KUBE-SVC-Z3R3N3G6T6ZAFB4A"),
            New().Src(PodCidr).Dst("10.254.82.218").Comment("kys/service-test: cluster IP").Tcp(8088).Jump(Masq),
            New().Dst("10.254.82.218").Comment("kys/service-test: cluster IP").Tcp(8088).Jump("KUBE-SVC-N7RVRFO6KG6JK57Y"),
            New().Src(PodCidr).Dst("10.254.0.1").Comment("default/kubernetes:https cluster IP").Tcp(443).Jump(Masq),
            New().Dst("10.254.0.1").Comment("default/kubernetes:https cluster IP").Tcp(443).Jump("KUBE-SVC-NPX46M4PTMTKRN6Y"),
            New().Src(PodCidr).Dst("10.254.0.10").Comment("kube-system/kube-dns:dns cluster IP").Udp(53).Jump(Masq),
            New().Dst("10.254.0.10").Comment("kube-system/kube-dns:dns cluster IP").Udp(53).Jump("KUBE-SVC-TCOU7JCQXEZGVUNU"),
            New().Src(PodCidr).Dst("10.254.0.10").Comment("kube-system/kube-dns:dns-tcp cluster IP").Tcp(53).Jump(Masq),
            New().Dst("10.254.0.10").Comment("kube-system/kube-dns:dns-tcp cluster IP").Tcp(53).Jump("KUBE-SVC-ERIFXISQEP7F7OF4"),
            New().Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain").DstTypeLocal().Jump("KUBE-NODEPORTS"));
    }

    [Test]
    public void Service_chains_balance_over_endpoints_sorted_by_ip_string_without_comments()
    {
        var nat = SeedNat();
        ModelAssert.RulesAre(nat, "KUBE-SVC-BPMGLFJT3B65TD5S",
            New().Probability("0.50000000000").Jump("KUBE-SEP-3JV6F2ZOHII4PTUE"),
            New().Jump("KUBE-SEP-SDUY4ET7UO7K7WNU"));
        ModelAssert.RulesAre(nat, "KUBE-SVC-ERIFXISQEP7F7OF4", New().Jump("KUBE-SEP-EL7AM53YBYVU7MNA"));
        ModelAssert.RulesAre(nat, "KUBE-SVC-N7RVRFO6KG6JK57Y",
            New().Probability("0.25000000000").Jump("KUBE-SEP-2ETOGMBR3D5CXS34"),
            New().Probability("0.33332999982").Jump("KUBE-SEP-IWFTC2T6CTL3MLMY"),
            New().Probability("0.50000000000").Jump("KUBE-SEP-KS6VDJH5DJ57DL4B"),
            New().Jump("KUBE-SEP-LS5M55Q5SBUJEOD2"));
        ModelAssert.RulesAre(nat, "KUBE-SVC-NPX46M4PTMTKRN6Y", New().Jump("KUBE-SEP-UQFL47CD2HHCHOK6"));
        ModelAssert.RulesAre(nat, "KUBE-SVC-TCOU7JCQXEZGVUNU", New().Jump("KUBE-SEP-SQ36TMKWQVNIB7L2"));
        ModelAssert.RulesAre(nat, "KUBE-SVC-Z3R3N3G6T6ZAFB4A",
            New().Probability("0.50000000000").Jump("KUBE-SEP-NYSKW4FUJNBHS72E"),
            New().Jump("KUBE-SEP-ER6Z6DZEOUVFTBJW"));
    }

    [TestCase("KUBE-SEP-2ETOGMBR3D5CXS34", "10.254.28.6", 8080, false)]
    [TestCase("KUBE-SEP-3JV6F2ZOHII4PTUE", "10.254.28.3", 80, false)]
    [TestCase("KUBE-SEP-EL7AM53YBYVU7MNA", "10.254.28.2", 53, false)]
    [TestCase("KUBE-SEP-ER6Z6DZEOUVFTBJW", "10.254.98.3", 80, false)]
    [TestCase("KUBE-SEP-IWFTC2T6CTL3MLMY", "10.254.28.7", 8080, false)]
    [TestCase("KUBE-SEP-KS6VDJH5DJ57DL4B", "10.254.98.4", 8080, false)]
    [TestCase("KUBE-SEP-LS5M55Q5SBUJEOD2", "10.254.98.5", 8080, false)]
    [TestCase("KUBE-SEP-NYSKW4FUJNBHS72E", "10.254.28.4", 80, false)]
    [TestCase("KUBE-SEP-SDUY4ET7UO7K7WNU", "10.254.98.2", 80, false)]
    [TestCase("KUBE-SEP-SQ36TMKWQVNIB7L2", "10.254.28.2", 53, true)]
    [TestCase("KUBE-SEP-UQFL47CD2HHCHOK6", "192.168.1.150", 6443, false)]
    public void Endpoint_chains_masquerade_hairpin_and_dnat(string chain, string ip, int port, bool udp)
    {
        var dnat = udp ? New().Udp() : New().Tcp();
        ModelAssert.RulesAre(SeedNat(), chain, New().Src(ip).Jump(Masq), dnat.Dnat(ip, port));
    }

    [Test]
    public void Reference_counts_match_the_listing()
    {
        var nat = SeedNat();
        Assert.That(nat.ReferenceCount("KUBE-MARK-MASQ"), Is.EqualTo(18));
        Assert.That(nat.ReferenceCount("KUBE-MARK-DROP"), Is.EqualTo(0));
        Assert.That(nat.ReferenceCount("KUBE-SERVICES"), Is.EqualTo(2));
        Assert.That(nat.ReferenceCount("KUBE-SVC-Z3R3N3G6T6ZAFB4A"), Is.EqualTo(2));
        Assert.That(nat.ReferenceCount("KUBE-NODEPORTS"), Is.EqualTo(1));
    }

    [Test]
    public void Compilation_is_deterministic_and_value_equal()
    {
        var a = KubeProxyCompiler.Compile(ClusterSpec.Build(SeedCluster.Define), new CompileOptions { SelfContained = true });
        var b = KubeProxyCompiler.Compile(ClusterSpec.Build(SeedCluster.Define), new CompileOptions { SelfContained = true });
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.Family, Is.EqualTo(IpFamily.V4));
        Assert.That(a.Tables.Select(t => t.Name).ToArray(), Is.EqualTo(new[] { "filter", "nat" }));
    }
}
