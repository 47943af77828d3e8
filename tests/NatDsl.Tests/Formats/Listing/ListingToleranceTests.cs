using System.Linq;
using NatDsl.Formats.Listing;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Listing;

/// <summary>What the parser accepts beyond exact iptables output, and what it then does.</summary>
public class ListingToleranceTests
{
    [TestCaseSource(typeof(ListingRoundTripTests), nameof(ListingRoundTripTests.ListingFiles))]
    public void Trailing_spaces_are_optional(string fileName)
    {
        var text = TestData.Vector(fileName);
        var trimmed = string.Join("\n", text.Split('\n').Select(l => l.TrimEnd(' ')));
        Assert.That(trimmed, Is.Not.EqualTo(text));
        var document = ListingParser.Parse(trimmed, fileName);
        Assert.That(document, Is.EqualTo(ListingParser.Parse(text, fileName)));
        Assert.That(ListingRenderer.Render(document), Is.EqualTo(text));
    }

    [Test]
    public void Carriage_returns_are_ignored()
    {
        var text = TestData.Seed;
        Assert.That(ListingParser.Parse(text.Replace("\n", "\r\n")), Is.EqualTo(ListingParser.Parse(text)));
    }

    [Test]
    public void Reference_counts_that_disagree_are_accepted_and_recomputed()
    {
        var text = TestData.Seed;
        var edited = text.Replace("Chain KUBE-MARK-MASQ (18 references)", "Chain KUBE-MARK-MASQ (5 references)");
        Assert.That(edited, Is.Not.EqualTo(text));
        Assert.That(ListingRenderer.Render(ListingParser.Parse(edited)), Is.EqualTo(text));
    }

    [Test]
    public void Rule_numbers_are_read_and_recomputed()
    {
        var text = TestData.Vector("v3-counters.legacy.L-v-n-line-nat.txt");
        var edited = text.Replace("\n2        1     1 RETURN", "\n7        1     1 RETURN");
        Assert.That(edited, Is.Not.EqualTo(text));
        Assert.That(ListingRenderer.Render(ListingParser.Parse(edited)), Is.EqualTo(text));
    }

    [Test]
    public void Extra_blank_lines_between_chains_are_accepted()
    {
        var text = TestData.Seed;
        Assert.That(ListingRenderer.Render(ListingParser.Parse("\n" + text.Replace("\n\nChain", "\n\n\nChain") + "\n")), Is.EqualTo(text));
    }

    [Test]
    public void The_table_and_family_can_be_given()
    {
        var document = ListingParser.Parse(TestData.Vector("v7-backend-quirks.nft.L-n-filter.txt"), tableName: "security", family: NatDsl.Model.IpFamily.V6);
        Assert.That(document.Table.Name, Is.EqualTo("security"));
        Assert.That(document.Form.Family, Is.EqualTo(NatDsl.Model.IpFamily.V6));
        Assert.That(document.RuleSet.Family, Is.EqualTo(NatDsl.Model.IpFamily.V6));
    }
}
