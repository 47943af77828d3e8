using System.Linq;
using System.Text.RegularExpressions;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// The seed listing (an old-dialect <c>iptables -t nat -L -v -n</c> with K/M counters) through
/// real iptables: <see cref="ListingParser"/> → <see cref="SaveRenderer"/> with counters (a rounded
/// counter is written as its estimate, value × 1000^scale) → <c>iptables-restore -c</c> →
/// <c>iptables -t nat -L -v -n</c> (1.8.9, numbers dialect) → <see cref="ListingParser"/> →
/// <see cref="ListingRenderer"/> in the names dialect, compared with the seed.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class SeedThroughRealIptablesTests
{
    private static readonly Regex PolicyCounters = new Regex(@"^(Chain \S+ \(policy \S+ )\S+ packets, \S+ bytes\)$", RegexOptions.CultureInvariant);
    private static readonly Regex RuleCounters = new Regex(@"^ *\S+ +\S+ ", RegexOptions.CultureInvariant);

    [TestCase(IptablesBackend.Legacy)]
    [TestCase(IptablesBackend.Nft)]
    public void Seed_comes_back_from_real_iptables_as_the_seed(IptablesBackend backend)
    {
        RealIptables.Require();
        var seed = ListingParser.Parse(TestData.Seed, "seed.listing.txt", "nat");
        Assert.That(seed.Form.Verbose && !seed.Form.Exact && seed.Form.Dialect == ListingDialect.Names, Is.True, "the seed is -L -v -n in the names dialect: " + seed.Form);
        Assert.That(AllCounters(seed.RuleSet).Any(c => !c.IsExact), Is.True, "the seed has rounded counters");

        var script = SaveRenderer.Render(seed.RuleSet, new SaveRenderOptions { RuleCounters = true });
        Assert.That(AllCounters(SaveParser.ParseRuleSet(script, "rendered seed")).ToArray(), Is.EqualTo(AllCounters(seed.RuleSet).Select(c => new Counter(c.Estimate)).ToArray()),
            "the save text carries each rounded counter as its estimate");

        using var session = IptablesSession.Open(backend);
        session.RestoreOrThrow(script, "-c");
        var listing = session.Run("nat", "-L", "-v", "-n");
        var real = ListingParser.Parse(listing, "iptables -t nat -L -v -n", "nat");
        Assert.That(real.Form.Dialect, Is.EqualTo(ListingDialect.Numbers), "1.8.9 prints protocol numbers");
        var rerendered = ListingRenderer.Render(real.RuleSet, "nat", real.Form with { Dialect = ListingDialect.Names, NamesRelease = seed.Form.NamesRelease });

        using (Assert.EnterMultipleScope())
        {
            // 1. Models: both mapped to what a -L -v -n listing shows, then every rule and policy counter removed.
            var form = ListingForm.VerboseNumeric;
            Assert.That(WithoutCounters(ListingEquivalence.Map(real.RuleSet, form)), Is.EqualTo(WithoutCounters(ListingEquivalence.Map(seed.RuleSet, form))), "models, counters ignored");

            // 2. Text, line by line, with the pkts and bytes fields of rule lines and the two numbers of policy headers replaced by '#'.
            Assert.That(BlankCounters(TestData.Seed), Does.Contain("\n# # KUBE-SERVICES  all").And.Contain("(policy ACCEPT # packets, # bytes)"), "blanking reaches both kinds of counters");
            Assert.That(BlankCounters(rerendered).Split('\n'), Is.EqualTo(BlankCounters(TestData.Seed).Split('\n')), "text, counters blanked");

            // 3. In fact nothing differs: an estimate written by the renderer rounds back to the seed's shown value.
            TextAssert.AreEqual(TestData.Seed, rerendered, "seed after real iptables, re-rendered in the names dialect");
        }
    }

    private static System.Collections.Generic.IEnumerable<Counter> AllCounters(RuleSet ruleSet) =>
        ruleSet.Tables.SelectMany(t => t.Chains).SelectMany(c => (c.Counters is { } cc ? new[] { cc } : new Counters[0]).Concat(c.Rules.Select(r => r.Counters ?? Counters.Zero)))
            .SelectMany(c => new[] { c.Packets, c.Bytes });

    private static RuleSet WithoutCounters(RuleSet ruleSet) => ruleSet with
    {
        Tables = ruleSet.Tables.Select(t => t with
        {
            Chains = t.Chains.Select(c => c with { Counters = null, Rules = c.Rules.Select(r => r with { Counters = null }).ToValueList() }).ToValueList(),
        }).ToValueList(),
    };

    private static string BlankCounters(string listing) => string.Join("\n", listing.Split('\n').Select(line =>
        line.StartsWith("Chain ", System.StringComparison.Ordinal) ? PolicyCounters.Replace(line, "$1# packets, # bytes)")
        : line.StartsWith(" pkts ", System.StringComparison.Ordinal) || line.Length == 0 ? line
        : RuleCounters.Replace(line, "# # ")));
}
