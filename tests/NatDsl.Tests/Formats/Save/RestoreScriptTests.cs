using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>Restore-script semantics: commands applied in order, kube-proxy's spelling, --noflush.</summary>
public class RestoreScriptTests
{
    [Test]
    public void Kube_proxy_option_order_parses_to_the_same_model_as_the_canonical_line()
    {
        const string kubeProxy = "-A X -m comment --comment \"ns/svc:http cluster IP\" -m tcp -p tcp -d 10.0.0.1/32 --dport 80 -j Y";
        const string canonical = "-A X -d 10.0.0.1/32 -p tcp -m comment --comment \"ns/svc:http cluster IP\" -m tcp --dport 80 -j Y";
        var a = SaveText.ParseRule(kubeProxy, "nat");
        var b = SaveText.ParseRule(canonical, "nat");
        Assert.That(a, Is.EqualTo(b));
        Assert.That(SaveRenderer.RenderRule("X", a), Is.EqualTo(canonical));
        Assert.That(a.Matches[0], Is.EqualTo(new CommentMatch("ns/svc:http cluster IP")));
        Assert.That(a.Matches[1], Is.EqualTo(new TcpMatch { DestinationPort = new Negatable<PortRange>(PortRange.Single(80)) }));
        Assert.That(a.Destination, Is.EqualTo(new Negatable<IpNetwork>(IpNetwork.Parse("10.0.0.1/32"))));
    }

    [Test]
    public void An_implicit_protocol_match_sits_where_its_first_option_appeared()
    {
        var rule = SaveText.ParseRule("-A X -p tcp -m comment --comment c --dport 80 -m mark --mark 1 -j Y");
        Assert.That(rule.Matches.Select(m => m.Module), Is.EqualTo(new[] { "comment", "tcp", "mark" }));
        Assert.That(SaveRenderer.RenderRule("X", rule), Is.EqualTo("-A X -p tcp -m comment --comment c -m tcp --dport 80 -m mark --mark 0x1 -j Y"));
    }

    [Test]
    public void Commands_apply_in_order()
    {
        const string script = "*filter\n:A - [0:0]\n:B - [0:0]\n-A A -j B\n-A B -s 1.1.1.1\n-A B -s 1.1.1.2\n-I B -s 1.1.1.0\n-I B 2 -s 1.1.1.9\n"
            + "-R B 1 -s 1.1.1.3\n-D B -s 1.1.1.2\n-D B 1\n-N C\n-P FORWARD DROP\n-A INPUT -j C\n-F INPUT\n-X C\n[7:8] -A FORWARD\n-A FORWARD -c 1 2\n-P OUTPUT DROP -c 5 6\nCOMMIT\n";
        // The expected text is what iptables-legacy 1.8.9 saved after restoring the same script.
        const string saved = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [5:6]\n:A - [0:0]\n:B - [0:0]\n"
            + "[7:8] -A FORWARD\n[1:2] -A FORWARD\n[0:0] -A A -j B\n[0:0] -A B -s 1.1.1.9/32\n[0:0] -A B -s 1.1.1.1/32\nCOMMIT\n";
        var ruleSet = SaveParser.ParseRuleSet(script);
        Assert.That(SaveRenderer.Render(ruleSet, new SaveRenderOptions { RuleCounters = true }), Is.EqualTo(saved));
    }

    [Test]
    public void Built_in_chains_exist_without_being_declared_and_chains_are_sorted()
    {
        var ruleSet = SaveParser.ParseRuleSet("*nat\n:zeta - [0:0]\n:KUBE-SERVICES - [0:0]\n:Alpha - [0:0]\n-A OUTPUT -j KUBE-SERVICES\nCOMMIT\n");
        var names = ruleSet.FindTable("nat")!.Chains.Select(c => c.Name);
        Assert.That(names, Is.EqualTo(new[] { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING", "Alpha", "KUBE-SERVICES", "zeta" }));
    }

    [Test]
    public void Written_chain_order_can_be_kept()
    {
        var options = new SaveParseOptions { SortChains = false };
        var ruleSet = SaveParser.ParseRuleSet("*nat\n:POSTROUTING ACCEPT [0:0]\n:zeta - [0:0]\n:PREROUTING ACCEPT [0:0]\n:Alpha - [0:0]\nCOMMIT\n", "t", options);
        var names = ruleSet.FindTable("nat")!.Chains.Select(c => c.Name);
        Assert.That(names, Is.EqualTo(new[] { "POSTROUTING", "zeta", "PREROUTING", "Alpha", "INPUT", "OUTPUT" }));
    }

    [Test]
    public void Noflush_chain_line_flushes_an_existing_chain_and_a_second_section_continues()
    {
        const string script = "*nat\n:KUBE-SVC - [0:0]\n-A KUBE-SVC -j RETURN\nCOMMIT\n*nat\n:KUBE-SVC - [0:0]\n-A KUBE-SVC -s 1.2.3.4 -j RETURN\n-A OUTPUT -j KUBE-SVC\nCOMMIT\n";
        var table = SaveParser.ParseRuleSet(script, "t", new SaveParseOptions { NoFlush = true }).FindTable("nat")!;
        Assert.That(table.FindChain("KUBE-SVC")!.Rules, Has.Count.EqualTo(1));
        Assert.That(table.FindChain("OUTPUT")!.Rules, Has.Count.EqualTo(1));
        Assert.That(SaveParser.ParseRuleSet(script).Tables, Has.Count.EqualTo(1), "without --noflush the second section replaces the table");
        Assert.That(SaveParser.ParseRuleSet(script).FindTable("nat")!.FindChain("KUBE-SVC")!.Rules[0].Source, Is.Not.Null);
    }

    [Test]
    public void Non_standard_tables_get_their_built_ins_from_policies()
    {
        var table = SaveParser.ParseRuleSet("*custom\n:HOOK DROP [1:2]\n:user - [0:0]\n-A HOOK -j user\nCOMMIT\n").FindTable("custom")!;
        Assert.That(table.Chains.Select(c => (c.Name, c.IsBuiltin)), Is.EqualTo(new[] { ("HOOK", true), ("user", false) }));
        Assert.That(table.FindChain("HOOK")!.Policy, Is.EqualTo(ChainPolicy.Drop));
        Assert.That(table.FindChain("HOOK")!.Counters, Is.EqualTo(Counters.Of(1, 2)));
    }

    [Test]
    public void Ipv6_rule_sets_are_detected_from_the_header_or_the_first_address()
    {
        Assert.That(SaveParser.ParseRuleSet("# Generated by ip6tables-save v1.8.9 on Thu Nov 26 12:45:45 2026\n*filter\nCOMMIT\n").Family, Is.EqualTo(IpFamily.V6));
        Assert.That(SaveParser.ParseRuleSet("*filter\n-A INPUT -s fd00::1 -j ACCEPT\nCOMMIT\n").Family, Is.EqualTo(IpFamily.V6));
        Assert.That(SaveParser.ParseRuleSet("*filter\n-A INPUT -j REJECT --reject-with icmp6-no-route\nCOMMIT\n").Family, Is.EqualTo(IpFamily.V6));
        Assert.That(SaveParser.ParseRuleSet("*filter\n-A INPUT -j ACCEPT\nCOMMIT\n").Family, Is.EqualTo(IpFamily.V4));
    }

    [Test]
    public void Vector_v5_parses_as_ipv6_without_being_told()
    {
        var ruleSet = SaveParser.ParseRuleSet(TestData.Read("vectors", "v5-ip6-nat.rules"), "v5-ip6-nat.rules");
        Assert.That(ruleSet.Family, Is.EqualTo(IpFamily.V6));
        var reject = ruleSet.FindTable("filter")!.FindChain("INPUT")!.Rules[4].Target;
        Assert.That(reject, Is.EqualTo(new RejectTarget("icmp6-port-unreachable")));
    }
}
