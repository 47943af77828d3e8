using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Properties;

/// <summary>Regression tests for the bugs the property tests found, each with the input that broke it.</summary>
[Category("Properties")]
public class FoundByPropertiesTests
{
    /// <summary>
    /// <c>.NonMasqueradeCidrs(…)</c> made the compiler write ip-masq-agent's last rule as
    /// <c>-j MASQUERADE --to-ports 32768-65535</c> without <c>-p</c>: iptables-restore (and the save
    /// parser) refuse a port range without tcp/udp/sctp/dccp, so the self-contained script could not be
    /// loaded. ip-masq-agent writes a bare <c>-j MASQUERADE</c>.
    /// </summary>
    [Test]
    public void Ip_masq_agent_rule_is_loadable()
    {
        var spec = ClusterSpec.Build(c => c.NonMasqueradeCidrs("10.0.0.0/8"));
        var rules = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true });
        var chain = rules.FindTable("nat")!.FindChain("IP-MASQ-AGENT")!;
        Assert.That(chain.Rules.Last().Target, Is.EqualTo(new MasqueradeTarget(RandomFully: true)));
        var text = SaveRenderer.Render(rules);
        Assert.That(text, Does.Contain("-A IP-MASQ-AGENT -m comment --comment \"ip-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)\" -j MASQUERADE --random-fully\n"));
        Assert.That(SaveParser.ParseRuleSet(text), Is.EqualTo(rules));
    }
}
