using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.Injection;

/// <summary>
/// The limits iptables has, at and just past the edge: chain names of 28 characters, comments of
/// 255 bytes, counters of 2⁶⁴−1 (save, <c>-S -v</c> and every listing form), a 100,000-rule chain.
/// </summary>
[Category("Injection")]
public class LimitTests
{
    private static string Save(string chainLines, string rules) => "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" + chainLines + rules + "COMMIT\n";

    [Test]
    public void Chain_names_of_28_characters_are_accepted_and_29_rejected_with_a_location()
    {
        var ok = new string('A', 28);
        var rules = SaveParser.ParseRuleSet(Save(":" + ok + " - [0:0]\n", "-A INPUT -j " + ok + "\n"));
        Assert.That(rules.Tables[0].FindChain(ok), Is.Not.Null);
        Assert.That(RulesParser.Parse("-N " + ok + "\n", "filter").Table.FindChain(ok), Is.Not.Null);

        var tooLong = new string('A', 29);
        var e = Assert.Throws<DumpParseException>(() => SaveParser.Parse(Save(":" + tooLong + " - [0:0]\n", string.Empty)))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((5, 2)));
        Assert.That(e.Problem, Does.Contain("longer than 28"));
        e = Assert.Throws<DumpParseException>(() => SaveParser.Parse(Save(string.Empty, "-N " + tooLong + "\n")))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((5, 4)));
        e = Assert.Throws<DumpParseException>(() => RulesParser.Parse("-N " + tooLong + "\n", "filter"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((1, 4)));
    }

    [Test]
    public void Compiled_chain_names_stay_within_28_characters_for_the_longest_names()
    {
        var label = new string('n', 63);
        var spec = ClusterSpec.Build(c => c.KubeProxy(KubeProxyProfile.Current).Service(label + "/" + new string('s', 63), s => s
            .Type(ServiceType.LoadBalancer).ClusterIP("10.96.0.10").ExternalTrafficPolicy(TrafficPolicy.Local)
            .Port(new string('p', 15), 80, Protocol.Tcp, nodePort: 30080).Port("b", 81, Protocol.Udp, nodePort: 30081)
            .LoadBalancerIngress("192.0.2.7").LoadBalancerSourceRanges("198.51.100.0/24")
            .Endpoint("10.244.1.2", e => e.Port(new string('p', 15), 8080).Port("b", 8081))));
        var rules = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true });
        var names = rules.Tables.SelectMany(t => t.Chains).Select(c => c.Name).ToList();
        Assert.That(names.Max(n => n.Length), Is.LessThanOrEqualTo(28), string.Join(", ", names));
        Assert.That(SaveParser.ParseRuleSet(SaveRenderer.Render(rules)), Is.EqualTo(rules));
    }

    [TestCase("a", 255)]
    [TestCase("é", 127)] // 254 bytes; plus one ASCII byte below
    [TestCase("✓", 85)] // 255 bytes
    public void Comments_of_255_bytes_are_accepted_and_256_rejected(string unit, int count)
    {
        var text = string.Concat(Enumerable.Repeat(unit, count));
        if (Encoding.UTF8.GetByteCount(text) < 255) text += "x";
        Assert.That(Encoding.UTF8.GetByteCount(text), Is.EqualTo(255));
        var line = "-A INPUT -m comment --comment \"" + text + "\" -j ACCEPT\n";
        var rules = SaveParser.ParseRuleSet(Save(string.Empty, line));
        Assert.That(rules.Tables[0].Chains[0].Rules[0].Matches[0], Is.EqualTo(new CommentMatch(text)));
        Assert.That(SaveParser.ParseRuleSet(SaveRenderer.Render(rules)), Is.EqualTo(rules));

        var longer = text + "y";
        var e = Assert.Throws<DumpParseException>(() => SaveParser.Parse(Save(string.Empty, "-A INPUT -m comment --comment \"" + longer + "\" -j ACCEPT\n")))!;
        Assert.That(e.Line, Is.EqualTo(5));
        Assert.That(e.Column, Is.EqualTo(31), "the column of the comment argument (its opening quote)");
        Assert.That(e.Problem, Does.Contain("256 bytes"));
    }

    [TestCase(KubeProxyProfile.Current)]
    [TestCase(KubeProxyProfile.V1_12)]
    public void The_longest_names_and_addresses_keep_every_comment_within_255_bytes_or_are_rejected(KubeProxyProfile profile)
    {
        var port = new string('p', 63);
        var endpoint = "fd00:244:1234:5678:9abc:def0:1234:5678";
        ClusterSpec spec;
        try
        {
            spec = ClusterSpec.Build(c => c.KubeProxy(profile).IPFamily(IpFamily.V6).NodeName("node-1").ClusterCidr("fd00:244::/48")
                .Service(new string('n', 63) + "/" + new string('s', 63), s => s
                    .Type(ServiceType.LoadBalancer).ClusterIP("fd00:96::10").ExternalTrafficPolicy(TrafficPolicy.Local).SessionAffinity(SessionAffinity.ClientIP)
                    .Port(port, 65535, Protocol.Sctp, nodePort: 30080).Port("b", 81, Protocol.Udp, nodePort: 30081)
                    .LoadBalancerIngress("2001:db8:2::7").LoadBalancerSourceRanges("2001:db8::/32").ExternalIPs("2001:db8:1::5")
                    .Endpoint(endpoint, e => e.Port(port, 65535).Port("b", 8081).Node("node-1"))
                    .Endpoint("fd00:244::2", e => e.Port(port, 65535).Node("node-2"))));
        }
        catch (SpecValidationException e)
        {
            Assert.That(e.Errors.Select(x => x.Message), Has.All.Contain("bytes; iptables allows 255"), e.Message);
            return;
        }
        var rules = KubeProxyCompiler.Compile(spec, new CompileOptions { SelfContained = true });
        var longest = rules.Tables.SelectMany(t => t.Chains).SelectMany(c => c.Rules).SelectMany(r => r.Matches).OfType<CommentMatch>()
            .Select(m => Encoding.UTF8.GetByteCount(m.Text)).Max();
        TestContext.Out.WriteLine(profile + ": longest comment " + longest + " bytes");
        Assert.That(longest, Is.LessThanOrEqualTo(255));
        Assert.That(SaveParser.ParseRuleSet(SaveRenderer.Render(rules)), Is.EqualTo(rules));
    }

    [Test]
    public void Counters_of_two_to_the_64_minus_one_round_trip_and_two_to_the_64_is_rejected()
    {
        const string max = "18446744073709551615";
        var text = "*filter\n:INPUT ACCEPT [" + max + ":" + max + "]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n[" + max + ":" + max + "] -A INPUT -j ACCEPT\nCOMMIT\n";
        var document = SaveParser.Parse(text);
        var input = document.RuleSet.Tables[0].Chains[0];
        Assert.That(input.Counters, Is.EqualTo(Counters.Of(ulong.MaxValue, ulong.MaxValue)));
        Assert.That(input.Rules[0].Counters, Is.EqualTo(Counters.Of(ulong.MaxValue, ulong.MaxValue)));
        Assert.That(SaveRenderer.Render(document), Is.EqualTo(text));

        var e = Assert.Throws<DumpParseException>(() => SaveParser.Parse(text.Replace("[" + max + ":" + max + "] -A", "[18446744073709551616:0] -A", StringComparison.Ordinal)))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((5, 2)));

        var verboseRules = RulesRenderer.Render(document.RuleSet.Tables[0], new RulesRenderOptions { Counters = true });
        Assert.That(verboseRules, Does.Contain("-P INPUT ACCEPT -c " + max + " " + max));
        Assert.That(RulesParser.Parse(verboseRules, "filter").Table, Is.EqualTo(document.RuleSet.Tables[0]));

        foreach (var form in new[] { ListingForm.VerboseExact, ListingForm.VerboseNumeric, new ListingForm { Verbose = true, Exact = true, LineNumbers = true, Dialect = ListingDialect.Numbers } })
        {
            var listing = ListingRenderer.Render(document.RuleSet.Tables[0], form);
            var parsed = ListingParser.Parse(listing, "listing", "filter");
            Assert.That(ListingEquivalence.AreEquivalent(document.RuleSet, parsed.RuleSet, form), Is.True, form + "\n" + listing);
            Assert.That(ListingRenderer.Render(parsed), Is.EqualTo(listing), form.ToString());
            if (form.Exact) Assert.That(listing, Does.Contain(max + " " + max));
            else Assert.That(listing, Does.Contain("   0K    0K"), "n+500 wraps for the K/M/G/T rounding, as iptables prints it");
        }
    }

    [Test]
    public void A_chain_of_100000_rules_parses_and_renders_in_every_format()
    {
        const int count = 100000;
        var sb = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:BIG - [0:0]\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append("[").Append(i.ToString(CultureInfo.InvariantCulture)).Append(":").Append((i * 60L).ToString(CultureInfo.InvariantCulture))
              .Append("] -A BIG -s 10.").Append((i >> 16).ToString(CultureInfo.InvariantCulture)).Append('.').Append(((i >> 8) & 255).ToString(CultureInfo.InvariantCulture)).Append('.').Append((i & 255).ToString(CultureInfo.InvariantCulture))
              .Append("/32 -p tcp -m comment --comment \"rule ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\" -m tcp --dport ").Append((i % 65535 + 1).ToString(CultureInfo.InvariantCulture)).Append(" -j ACCEPT\n");
        }
        var text = sb.Append("COMMIT\n").ToString();
        var watch = Stopwatch.StartNew();
        var document = SaveParser.Parse(text);
        var rendered = SaveRenderer.Render(document);
        var save = watch.Elapsed;
        Assert.That(document.RuleSet.Tables[0].FindChain("BIG")!.Rules.Count, Is.EqualTo(count));
        Assert.That(rendered, Is.EqualTo(text));

        watch.Restart();
        var listingText = ListingRenderer.Render(document.RuleSet.Tables[0], new ListingForm { Verbose = true, Exact = true, LineNumbers = true });
        var listing = ListingParser.Parse(listingText, "listing", "filter");
        var listed = watch.Elapsed;
        Assert.That(listing.Table.FindChain("BIG")!.Rules.Count, Is.EqualTo(count));
        Assert.That(listingText, Does.Contain("\n100000 "), "line numbers past four digits overflow the %-4u field");
        Assert.That(ListingRenderer.Render(listing), Is.EqualTo(listingText));

        watch.Restart();
        var rulesText = RulesRenderer.Render(document.RuleSet.Tables[0], new RulesRenderOptions { Counters = true });
        var rules = RulesParser.Parse(rulesText, "filter");
        var sRules = watch.Elapsed;
        Assert.That(rules.Table, Is.EqualTo(document.RuleSet.Tables[0]));

        TestContext.Out.WriteLine("100k-rule chain: save parse+render " + save.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)
            + " s, listing render+parse " + listed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s, -S -v render+parse " + sRules.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s");
        Assert.That(save + listed + sRules, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void A_listing_of_100000_chains_parses_in_linear_time()
    {
        static string Listing(int chains)
        {
            var sb = new StringBuilder("Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination         \n");
            sb.Append("C00000000  all  --  0.0.0.0/0            0.0.0.0/0           \n");
            sb.Append("\nChain FORWARD (policy ACCEPT)\ntarget     prot opt source               destination         \n");
            sb.Append("\nChain OUTPUT (policy ACCEPT)\ntarget     prot opt source               destination         \n");
            for (var i = 0; i < chains; i++)
            {
                var name = "C" + i.ToString("D8", CultureInfo.InvariantCulture);
                sb.Append("\nChain ").Append(name).Append(" (1 references)\ntarget     prot opt source               destination         \n");
                if (i + 1 < chains) sb.Append('C').Append((i + 1).ToString("D8", CultureInfo.InvariantCulture)).Append("  all  --  0.0.0.0/0            0.0.0.0/0           \n");
            }
            return sb.ToString();
        }

        double Seconds(int chains)
        {
            var text = Listing(chains);
            var watch = Stopwatch.StartNew();
            var document = ListingParser.Parse(text, "chains", "filter");
            var rendered = ListingRenderer.Render(document);
            watch.Stop();
            Assert.That(document.Table.Chains.Count, Is.EqualTo(chains + 3));
            Assert.That(rendered, Is.EqualTo(text));
            return watch.Elapsed.TotalSeconds;
        }

        var small = Seconds(20000);
        var large = Seconds(100000);
        TestContext.Out.WriteLine("listing of 20k chains: " + small.ToString("0.00", CultureInfo.InvariantCulture) + " s, 100k chains: " + large.ToString("0.00", CultureInfo.InvariantCulture) + " s");
        Assert.That(large, Is.LessThan(30));
        Assert.That(large / Math.Max(small, 0.05), Is.LessThan(15), "5x the chains should take about 5x the time (quadratic would be 25x)");
    }
}
