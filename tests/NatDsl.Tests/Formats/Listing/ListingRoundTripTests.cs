using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Listing;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>render(parse(x)) == x, byte for byte, for the seed and every listing among the vectors.</summary>
public class ListingRoundTripTests
{
    /// <summary>Every listing file of the vectors: real 1.8.9 outputs, derived and real old-dialect files.</summary>
    public static IEnumerable<TestCaseData> ListingFiles() =>
        TestData.VectorOutputs(IsListing).Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    internal static bool IsListing(string name) => name.Contains(".L-");

    [Test]
    public void The_vectors_hold_listings()
    {
        Assert.That(TestData.VectorOutputs(IsListing).Count(), Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void Seed_round_trips_byte_for_byte()
    {
        var text = TestData.Seed;
        var document = ListingParser.Parse(text, "seed.listing.txt");
        Assert.That(ListingRenderer.Render(document), Is.EqualTo(text));
        Assert.That(document.Form.Dialect, Is.EqualTo(ListingDialect.Names));
        Assert.That(document.Form.Verbose, Is.True);
        Assert.That(document.Form.Exact, Is.False);
        Assert.That(document.Table.Name, Is.EqualTo("nat"));
    }

    [TestCaseSource(nameof(ListingFiles))]
    public void Vector_listing_round_trips_byte_for_byte(string fileName)
    {
        var text = TestData.Vector(fileName);
        var document = ListingParser.Parse(text, fileName);
        var rendered = ListingRenderer.Render(document);
        if (rendered != text) Assert.Fail(FirstDifference(text, rendered));
    }

    [TestCaseSource(nameof(ListingFiles))]
    public void Vector_listing_form_is_detected_from_the_text(string fileName)
    {
        var document = ListingParser.Parse(TestData.Vector(fileName), fileName);
        var form = document.Form;
        Assert.That(form.Verbose, Is.EqualTo(fileName.Contains(".L-v-")));
        Assert.That(form.Exact, Is.EqualTo(fileName.Contains("-x-")));
        Assert.That(form.LineNumbers, Is.EqualTo(fileName.Contains("-line-")));
        Assert.That(form.Family, Is.EqualTo(fileName.StartsWith("v5-") ? IpFamily.V6 : IpFamily.V4));
        // Without rule lines the protocol column says nothing: the parser then reports the names dialect.
        var hasRules = document.Table.Chains.Any(c => c.Rules.Count > 0);
        var oldDialect = fileName.Contains("old-dialect") || !hasRules;
        Assert.That(form.Dialect, Is.EqualTo(oldDialect ? ListingDialect.Names : ListingDialect.Numbers));
        var table = fileName.Substring(fileName.LastIndexOf('-') + 1).Replace(".txt", string.Empty);
        Assert.That(document.Table.Name, Is.EqualTo(table));
    }

    [TestCaseSource(nameof(ListingFiles))]
    public void Reference_counts_of_the_listing_are_those_of_the_model(string fileName)
    {
        var text = TestData.Vector(fileName);
        var table = ListingParser.Parse(text, fileName).Table;
        foreach (var chain in table.Chains.Where(c => !c.IsBuiltin))
        {
            Assert.That(text, Does.Contain("Chain " + chain.Name + " (" + table.ReferenceCount(chain.Name) + " references)\n"));
        }
    }

    internal static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < System.Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<missing>";
            var al = i < a.Length ? a[i] : "<missing>";
            if (el != al) return "line " + (i + 1) + "\nexpected: [" + el + "]\nactual:   [" + al + "]";
        }
        return "texts differ";
    }
}
