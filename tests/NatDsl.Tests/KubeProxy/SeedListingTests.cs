using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Tests.KubeProxy;

/// <summary>The V1_12 compilation of the seed cluster equals the parsed seed listing under the listing's equivalence.</summary>
public class SeedListingTests
{
    [Test]
    public void Compiled_seed_nat_table_is_what_the_seed_listing_shows()
    {
        var listed = ListingParser.Parse(TestData.Seed, "seed.listing.txt").RuleSet;
        var compiled = KubeProxyCompiler.Compile(ClusterSpec.Build(SeedCluster.Define), new CompileOptions { SelfContained = true });
        var compiledNat = new RuleSet(IpFamily.V4, new[] { compiled.FindTable("nat")! }.ToValueList());

        var expected = ListingEquivalence.Map(listed, ListingForm.Numeric).Tables[0];
        var actual = ListingEquivalence.Map(compiledNat, ListingForm.Numeric).Tables[0];

        Assert.That(actual.Chains.Select(c => c.Name), Is.EqualTo(expected.Chains.Select(c => c.Name)));
        foreach (var chain in expected.Chains)
        {
            ModelAssert.RulesAre("nat/" + chain.Name, actual.FindChain(chain.Name)!.Rules, chain.Rules);
        }
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase("v1-seed-nat.rules")]
    [TestCase("out/v1-seed-nat.legacy.save-nat.txt")]
    [TestCase("out/v1-seed-nat.nft.save-nat.txt")]
    public void Compiled_seed_nat_table_equals_the_seed_in_save_form_apart_from_counters(string vector)
    {
        var saved = SaveParser.ParseRuleSet(TestData.Read(("vectors/" + vector).Split('/')), vector).FindTable("nat")!;
        var compiled = KubeProxyCompiler.Compile(ClusterSpec.Build(SeedCluster.Define), new CompileOptions { SelfContained = true }).FindTable("nat")!;

        var expected = WithoutCounters(saved);
        var actual = WithoutCounters(compiled);
        Assert.That(actual.Chains.Select(c => c.Name).ToArray(), Is.EqualTo(expected.Chains.Select(c => c.Name).ToArray()));
        foreach (var chain in expected.Chains) ModelAssert.RulesAre("nat/" + chain.Name, actual.FindChain(chain.Name)!.Rules, chain.Rules);
        Assert.That(actual, Is.EqualTo(expected));
    }

    private static Table WithoutCounters(Table table) => table with
    {
        Chains = table.Chains.Select(c => c with { Counters = null, Rules = c.Rules.Select(r => r.WithCounters(null)).ToValueList() }).ToValueList(),
    };
}
