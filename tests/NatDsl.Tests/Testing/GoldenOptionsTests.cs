using System.IO;
using NatDsl.Formats.Listing;
using NatDsl.Testing;
using NUnit.Framework;

namespace NatDsl.Tests.Testing;

/// <summary>GoldenOptions: counters, service order, kube-proxy sort, table scope, listing table and dialect.</summary>
public class GoldenOptionsTests
{
    private GoldenFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new GoldenFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Counters_are_ignored_by_default_and_compared_on_request()
    {
        var golden = _folder.Write("nat.rules", GoldenRuleSets.TwoServices);
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices.Replace("[7:420]", "[9:540]"));

        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden));
        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden, new GoldenOptions { IgnoreCounters = false }))!;
        Assert.That(failure.Message, Does.Contain("chain PREROUTING"));
        // Counters compared: the received dump keeps them (iptables-save -c).
        Assert.That(GoldenFolder.Read(failure.ReceivedPath!), Does.Contain("[9:540] -A PREROUTING"));
    }

    [Test]
    public void Service_groups_are_ordered_by_default_and_unordered_on_request()
    {
        var golden = _folder.Write("nat.rules", GoldenRuleSets.TwoServices);
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServicesSwapped);

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden))!;
        Assert.That(failure.Message, Does.Contain("rule moved"));
        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden, new GoldenOptions { UnorderedServiceGroups = true }));
    }

    [Test]
    public void Kube_proxy_sort_compares_as_kube_proxys_unit_tests()
    {
        var golden = _folder.Write("nat.rules", GoldenRuleSets.TwoServices);
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServicesSwapped);

        Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden));
        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden, new GoldenOptions { KubeProxySort = true }));
    }

    [Test]
    public void Only_the_goldens_tables_are_compared_unless_asked_otherwise()
    {
        var golden = _folder.Write("nat.rules", GoldenRuleSets.TwoServices);
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices + GoldenRuleSets.Filter);

        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden));
        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden, new GoldenOptions { CompareOnlyGoldenTables = false }))!;
        Assert.That(failure.Message, Does.Contain("extra table"));
    }

    [Test]
    public void A_table_the_golden_has_and_the_rule_set_lacks_is_reported()
    {
        var golden = _folder.Write("all.rules", GoldenRuleSets.TwoServices + GoldenRuleSets.Filter);
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices);

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden))!;

        Assert.That(failure.Message, Does.Contain("missing table"));
        Assert.That(failure.Message, Does.Contain("chain KUBE-FIREWALL"));
    }

    [Test]
    public void Received_listings_use_the_requested_dialect()
    {
        var golden = _folder.File("seed.listing.txt");
        var numbers = new ListingForm { Verbose = true, Dialect = ListingDialect.Numbers };

        var failure = Assert.Throws<GoldenDumpMismatchException>(() =>
            GoldenDump.AssertMatches(GoldenRuleSets.SeedNode(), golden, new GoldenOptions { ReceivedListingForm = numbers }))!;

        var received = ListingParser.Parse(GoldenFolder.Read(failure.ReceivedPath!), "received");
        Assert.That(received.Form.Dialect, Is.EqualTo(ListingDialect.Numbers));
        Assert.That(received.Form.Verbose, Is.True);
        Assert.That(GoldenFolder.Read(failure.ReceivedPath!), Does.Contain(" 6    --  "));
    }

    [Test]
    public void The_listing_table_option_picks_the_table_of_a_received_listing()
    {
        var golden = _folder.File("filter.L");
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices + GoldenRuleSets.Filter);

        var failure = Assert.Throws<GoldenDumpMismatchException>(() =>
            GoldenDump.AssertMatches(actual, golden, new GoldenOptions { ListingTable = "filter" }))!;

        Assert.That(failure.ReceivedPath, Is.EqualTo(_folder.File("filter.received.L")));
        Assert.That(GoldenFolder.Read(failure.ReceivedPath!), Does.StartWith("Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n"));
        Assert.That(GoldenFolder.Read(failure.ReceivedPath!), Does.Contain("KUBE-FIREWALL"));
        Assert.That(GoldenFolder.Read(failure.ReceivedPath!), Does.Not.Contain("KUBE-SERVICES"));

        File.Move(failure.ReceivedPath!, golden);
        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden, new GoldenOptions { ListingTable = "filter" }));
    }

    [Test]
    public void A_listing_golden_compares_under_its_forms_equivalence()
    {
        // The verbose listing of the vector shows counters rounded (K/M); the save dump with -c has them exact.
        var golden = _folder.Write("v1.L-v-n-nat.txt", TestData.Vector("v1-seed-nat.legacy.L-v-n-nat.txt"));
        var actual = GoldenRuleSets.Parse(TestData.Vector("v1-seed-nat.legacy.save-c-nat.txt"));

        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden));
        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden, new GoldenOptions { IgnoreCounters = false }));
        Assert.That(File.Exists(_folder.File("v1.L-v-n-nat.received.txt")), Is.False);
    }
}
