using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Listing;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>
/// Listings of the same rules in different forms give models that are equal under
/// <see cref="ListingEquivalence"/> for the poorer form; dialects convert into each other.
/// </summary>
public class ListingCrossFormTests
{
    /// <summary>(richer file, poorer file, the poorer file's form) for every vector, backend and table.</summary>
    public static IEnumerable<TestCaseData> FormPairs()
    {
        foreach (var verbose in TestData.VectorOutputs(n => n.Contains(".L-v-n-") && !n.Contains("-x-") && !n.Contains("-line-")))
        {
            var exact = verbose.Replace(".L-v-n-", ".L-v-n-x-");
            var numeric = verbose.Replace(".L-v-n-", ".L-n-");
            var lines = verbose.Replace(".L-v-n-", ".L-v-n-line-");
            var all = TestData.VectorOutputs(_ => true).ToHashSet();
            if (all.Contains(exact)) yield return new TestCaseData(exact, verbose).SetArgDisplayNames(exact + " ~ " + verbose);
            if (all.Contains(numeric)) yield return new TestCaseData(verbose, numeric).SetArgDisplayNames(verbose + " ~ " + numeric);
            if (all.Contains(lines)) yield return new TestCaseData(lines, verbose).SetArgDisplayNames(lines + " ~ " + verbose);
        }
    }

    [Test]
    public void There_are_form_pairs_for_every_vector()
    {
        Assert.That(FormPairs().Count(), Is.GreaterThanOrEqualTo(60));
    }

    [TestCaseSource(nameof(FormPairs))]
    public void Richer_and_poorer_listings_are_equivalent_under_the_poorer_form(string richer, string poorer)
    {
        var rich = ListingParser.Parse(TestData.Vector(richer), richer);
        var poor = ListingParser.Parse(TestData.Vector(poorer), poorer);
        var form = poor.Form;
        Assert.That(ListingEquivalence.Map(rich.RuleSet, form, keepListingText: true), Is.EqualTo(ListingEquivalence.Map(poor.RuleSet, form, keepListingText: true)));
        // The richer model rendered in the poorer form is the poorer listing, byte for byte.
        Assert.That(ListingRenderer.Render(rich.Table, form), Is.EqualTo(TestData.Vector(poorer)));
    }

    [Test]
    public void Exact_and_rounded_counters_differ_without_the_mapping()
    {
        var exact = ListingParser.Parse(TestData.Vector("v3-counters.legacy.L-v-n-x-nat.txt"));
        var rounded = ListingParser.Parse(TestData.Vector("v3-counters.legacy.L-v-n-nat.txt"));
        Assert.That(exact.RuleSet, Is.Not.EqualTo(rounded.RuleSet));
        Assert.That(ListingEquivalence.AreEquivalent(exact.RuleSet, rounded.RuleSet, ListingForm.VerboseExact), Is.False);
        Assert.That(ListingEquivalence.AreEquivalent(exact.RuleSet, rounded.RuleSet, ListingForm.VerboseNumeric), Is.True);
    }

    /// <summary>(1.8.9 numbers file, derived old-dialect file) pairs of v1–v3 and the real old seed listing.</summary>
    public static IEnumerable<TestCaseData> DialectPairs()
    {
        foreach (var derived in TestData.VectorOutputs(n => n.Contains(".derived-old-dialect.")))
        {
            yield return new TestCaseData(derived.Replace(".derived-old-dialect.", ".legacy."), derived).SetArgDisplayNames(derived);
        }
        yield return new TestCaseData("v1-seed-nat.legacy.L-v-n-nat.txt", "v1-seed-nat.REAL-old-dialect-from-seed.L-v-n-nat.txt").SetArgDisplayNames("REAL seed");
    }

    [TestCaseSource(nameof(DialectPairs))]
    public void Numbers_listing_rendered_with_names_is_the_old_dialect_listing(string numbersFile, string namesFile)
    {
        var numbers = ListingParser.Parse(TestData.Vector(numbersFile), numbersFile);
        Assert.That(numbers.Form.Dialect, Is.EqualTo(ListingDialect.Numbers));
        var asNames = ListingRenderer.Render(numbers with { Form = numbers.Form with { Dialect = ListingDialect.Names } });
        Assert.That(asNames, Is.EqualTo(TestData.Vector(namesFile)));
    }

    [TestCaseSource(nameof(DialectPairs))]
    public void Old_dialect_listing_rendered_with_numbers_is_the_1_8_9_listing(string numbersFile, string namesFile)
    {
        var names = ListingParser.Parse(TestData.Vector(namesFile), namesFile);
        Assert.That(names.Form.Dialect, Is.EqualTo(ListingDialect.Names));
        var asNumbers = ListingRenderer.Render(names with { Form = names.Form with { Dialect = ListingDialect.Numbers } });
        Assert.That(asNumbers, Is.EqualTo(TestData.Vector(numbersFile)));
        Assert.That(names.RuleSet, Is.EqualTo(ListingParser.Parse(TestData.Vector(numbersFile)).RuleSet));
    }
}
