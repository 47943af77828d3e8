using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// The edges of two quirks the vectors meet only once, so that <see cref="Iptables189Quirks"/>
/// models them from observation rather than from the one case: which inverted port ranges
/// iptables-nft rewrites, and which counters ip6tables-nft-restore ignores. Legacy is the control.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class QuirkBoundaryTests
{
    private const string Ports =
        "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + "-A INPUT -p tcp -m tcp ! --dport 0:1023 -j ACCEPT\n"      // rewritten by nft: 1024:65535
        + "-A INPUT -p tcp -m tcp ! --sport 0:99 -j ACCEPT\n"        // rewritten: source ports too
        + "-A INPUT -p udp -m udp ! --dport 0:52 -j ACCEPT\n"        // rewritten: udp too
        + "-A INPUT -p tcp -m tcp ! --dport 1024:65535 -j ACCEPT\n"  // kept: the range does not start at 0
        + "-A INPUT -p tcp -m tcp ! --dport 5:10 -j ACCEPT\n"        // kept
        + "-A INPUT -p tcp -m tcp ! --dport 0 -j ACCEPT\n"           // kept: a single port
        + "-A INPUT -p sctp -m sctp ! --dport 0:1023 -j ACCEPT\n"    // kept: sctp is a compat match in nft
        + "COMMIT\n";

    private const string Counters6 =
        "*filter\n:INPUT ACCEPT [7:700]\n:FORWARD DROP [3:300]\n:OUTPUT ACCEPT [0:0]\n"
        + "[5:400] -A INPUT -s 2001:db8::/32 -j ACCEPT\n"
        + "[9:900] -A FORWARD -d fd00::/8 -j ACCEPT\n"
        + "COMMIT\n";

    [TestCase(IptablesBackend.Legacy)]
    [TestCase(IptablesBackend.Nft)]
    public void Nft_rewrites_exactly_the_inverted_tcp_and_udp_ranges_that_start_at_zero(IptablesBackend backend)
    {
        RealIptables.Require();
        var model = SaveParser.ParseRuleSet(Ports, "ports.rules");
        var loaded = Iptables189Quirks.Loaded(model, backend);
        var changed = model.Tables[0].Chains[0].Rules.Zip(loaded.Tables[0].Chains[0].Rules, (a, b) => a != b).ToArray();
        Assert.That(changed, Is.EqualTo(backend == IptablesBackend.Nft
            ? new[] { true, true, true, false, false, false, false }
            : new[] { false, false, false, false, false, false, false }), "rules the quirk model rewrites");
        AssertLoadsAs(backend, ipv6: false, model, loaded);
    }

    [TestCase(IptablesBackend.Legacy)]
    [TestCase(IptablesBackend.Nft)]
    public void Ip6tables_nft_drops_rule_counters_and_keeps_policy_counters(IptablesBackend backend)
    {
        RealIptables.Require();
        var model = SaveParser.ParseRuleSet(Counters6, "counters6.rules");
        Assert.That(model.Family, Is.EqualTo(IpFamily.V6));
        var loaded = Iptables189Quirks.Loaded(model, backend);
        var filter = loaded.FindTable("filter")!;
        Assert.That(filter.FindChain("FORWARD")!.Counters, Is.EqualTo(Counters.Of(3, 300)), "policy counters are kept on both backends");
        Assert.That(filter.FindChain("INPUT")!.Rules[0].Counters, Is.EqualTo(backend == IptablesBackend.Nft ? Counters.Zero : Counters.Of(5, 400)));
        AssertLoadsAs(backend, ipv6: true, model, loaded);
    }

    private static void AssertLoadsAs(IptablesBackend backend, bool ipv6, RuleSet model, RuleSet loaded)
    {
        using var session = IptablesSession.Open(backend, ipv6);
        session.RestoreOrThrow(SaveRenderer.Render(model, new SaveRenderOptions { RuleCounters = true }), "-c");
        var outputs = RealReadbacks.Read(session, new[] { "filter" }, Readback.SaveWithCounters, Readback.ListVerboseExact);
        using (Assert.EnterMultipleScope())
        {
            foreach (var readback in new[] { Readback.SaveWithCounters, Readback.ListVerboseExact })
            {
                TextAssert.AreEqual(OurRendering.Expected(readback, backend, loaded, "filter"), OurRendering.Comparable(readback, outputs[("filter", readback)]), readback.ToString());
            }
        }
    }
}
