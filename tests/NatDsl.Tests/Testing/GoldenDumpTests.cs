using System;
using System.IO;
using NatDsl.Analysis.Diff;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Testing;
using NUnit.Framework;

namespace NatDsl.Tests.Testing;

/// <summary>GoldenDump.AssertMatches: matching, mismatching, missing and unreadable goldens.</summary>
public class GoldenDumpTests
{
    private GoldenFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new GoldenFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Compiled_seed_matches_the_seed_listing()
    {
        var golden = _folder.Write("seed.listing.txt", TestData.Seed);

        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(GoldenRuleSets.SeedNode(), golden));
        Assert.That(File.Exists(_folder.File("seed.listing.received.txt")), Is.False);
    }

    [Test]
    public void A_changed_endpoint_fails_with_the_semantic_diff()
    {
        var golden = _folder.Write("seed.listing.txt", TestData.Seed.Replace("10.254.28.7", "10.254.28.9"));

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(GoldenRuleSets.SeedNode(), golden))!;

        Assert.That(failure.Message, Does.StartWith("The rule set does not match the golden dump " + golden + " (-L -v -n (names UpTo1_8_7, IPv4), table nat):\n"));
        Assert.That(failure.Result, Is.Not.Null);
        Assert.That(failure.Result!.AreEqual, Is.False);
        // The report is DiffReport's, with the rules in save syntax (after the listing equivalence).
        Assert.That(failure.Message, Does.Contain(DiffReport.Render(failure.Result, SaveRenderer.RenderRule)));
        Assert.That(failure.Message, Does.Contain("10.254.28.9"));
        Assert.That(failure.Message, Does.Contain("10.254.28.7"));
        Assert.That(failure.Message, Does.Contain("-A KUBE-SEP-"));
        Assert.That(failure.GoldenPath, Is.EqualTo(golden));
    }

    [Test]
    public void A_mismatch_writes_the_received_dump_in_the_goldens_own_form()
    {
        var golden = _folder.Write("seed.listing.txt", TestData.Seed.Replace("10.254.28.7", "10.254.28.9"));

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(GoldenRuleSets.SeedNode(), golden))!;

        Assert.That(failure.ReceivedPath, Is.EqualTo(_folder.File("seed.listing.received.txt")));
        var received = ListingParser.Parse(GoldenFolder.Read(failure.ReceivedPath!), "received");
        var seed = ListingParser.Parse(TestData.Seed, "seed");
        Assert.That(received.Form, Is.EqualTo(seed.Form));
        Assert.That(failure.Message, Does.Contain(failure.ReceivedPath));
        // Accepting the received dump makes the assertion pass.
        File.Copy(failure.ReceivedPath!, golden, overwrite: true);
        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(GoldenRuleSets.SeedNode(), golden));
    }

    [Test]
    public void A_match_deletes_the_received_dump_of_an_earlier_failure()
    {
        var golden = _folder.Write("nat.rules", GoldenRuleSets.TwoServices);
        var stale = _folder.Write("nat.received.rules", "old");

        GoldenDump.AssertMatches(GoldenRuleSets.Parse(GoldenRuleSets.TwoServices), golden);

        Assert.That(File.Exists(stale), Is.False);
    }

    [Test]
    public void A_missing_save_golden_is_captured_in_one_run()
    {
        var golden = _folder.File("node1.rules");
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices + GoldenRuleSets.Filter);

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden))!;

        Assert.That(failure.ReceivedPath, Is.EqualTo(_folder.File("node1.received.rules")));
        Assert.That(failure.Result, Is.Null);
        Assert.That(failure.Message, Does.StartWith("Golden dump not found: " + golden + "\n"));
        Assert.That(failure.Message, Does.Contain("(iptables-save)"));
        Assert.That(failure.Message, Does.Contain("rename it to node1.rules"));
        Assert.That(GoldenFolder.Read(failure.ReceivedPath!), Is.EqualTo(SaveRenderer.Render(actual)));
        Assert.That(File.Exists(golden), Is.False);

        File.Move(failure.ReceivedPath!, golden);
        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden));
    }

    [Test]
    public void A_missing_listing_golden_is_captured_as_a_verbose_listing_of_nat()
    {
        var golden = _folder.File("seed.listing.txt");
        var actual = GoldenRuleSets.SeedNode();

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden))!;

        Assert.That(failure.ReceivedPath, Is.EqualTo(_folder.File("seed.listing.received.txt")));
        var text = GoldenFolder.Read(failure.ReceivedPath!);
        Assert.That(text, Is.EqualTo(ListingRenderer.Render(actual, "nat", ListingForm.VerboseNumeric)));
        Assert.That(ListingParser.Parse(text, "received").Form, Is.EqualTo(ListingForm.VerboseNumeric));
        Assert.That(failure.Message, Does.Contain("(-L -v -n (names UpTo1_8_7, IPv4), table nat)"));

        File.Move(failure.ReceivedPath!, golden);
        Assert.DoesNotThrow(() => GoldenDump.AssertMatches(actual, golden));
    }

    [Test]
    public void A_missing_golden_in_a_missing_folder_is_written_there()
    {
        var golden = Path.Combine(_folder.Path, "golden", "nested", "nat.rules");

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(GoldenRuleSets.Parse(GoldenRuleSets.TwoServices), golden))!;

        Assert.That(File.Exists(Path.Combine(_folder.Path, "golden", "nested", "nat.received.rules")), Is.True);
        Assert.That(failure.ReceivedPath, Is.Not.Null);
    }

    [Test]
    public void An_unreadable_golden_fails_with_the_parsers_location_and_writes_the_received_dump()
    {
        var golden = _folder.Write("nat.rules", "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING --dprot 80 -j ACCEPT\nCOMMIT\n");

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(GoldenRuleSets.Parse(GoldenRuleSets.TwoServices), golden))!;

        Assert.That(failure.InnerException, Is.InstanceOf<DumpParseException>());
        var parse = (DumpParseException)failure.InnerException!;
        Assert.That(parse.Line, Is.EqualTo(3));
        Assert.That(failure.Message, Does.StartWith("Golden dump cannot be read: " + golden + ":3:"));
        Assert.That(failure.Message, Does.Not.Contain("\r"));
        Assert.That(failure.ReceivedPath, Is.EqualTo(_folder.File("nat.received.rules")));
        Assert.That(File.Exists(failure.ReceivedPath!), Is.True);
    }

    [Test]
    public void Save_golden_differences_name_table_chain_and_rules()
    {
        var golden = _folder.Write("nat.rules", GoldenRuleSets.TwoServices);
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices.Replace("10.0.0.2/32", "10.0.0.3/32"));

        var failure = Assert.Throws<GoldenDumpMismatchException>(() => GoldenDump.AssertMatches(actual, golden))!;

        Assert.That(failure.Message, Does.Contain("(iptables-save):\nrule sets differ: 1 difference\ntable nat\n  chain KUBE-SERVICES\n"));
        Assert.That(failure.Message, Does.Contain("- -A KUBE-SERVICES -d 10.0.0.2/32"));
        Assert.That(failure.Message, Does.Contain("+ -A KUBE-SERVICES -d 10.0.0.3/32"));
        Assert.That(GoldenFolder.Read(failure.ReceivedPath!), Is.EqualTo(SaveRenderer.Render(actual)));
    }

    [Test]
    public void Arguments_are_checked()
    {
        var actual = GoldenRuleSets.Parse(GoldenRuleSets.TwoServices);
        Assert.Throws<ArgumentNullException>(() => GoldenDump.AssertMatches(null!, "x.rules"));
        Assert.Throws<ArgumentNullException>(() => GoldenDump.AssertMatches(actual, null!));
        Assert.Throws<ArgumentException>(() => GoldenDump.AssertMatches(actual, string.Empty));
    }
}
