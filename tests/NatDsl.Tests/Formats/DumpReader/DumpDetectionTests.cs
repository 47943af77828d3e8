using System.Collections.Generic;
using System.IO;
using System.Linq;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;
using Reader = NatDsl.Formats.DumpReader;

namespace NatDsl.Tests.Formats.DumpReader;

/// <summary>Strict reading: every kind of vector file is detected and parsed by the right parser.</summary>
public class DumpDetectionTests
{
    /// <summary>Every vector output except the restore logs, with the format its name says.</summary>
    public static IEnumerable<TestCaseData> VectorFiles() =>
        TestData.VectorOutputs(n => !n.Contains("restore-stderr"))
            .Select(n => new TestCaseData(n, FormatOf(n), TableOf(n)).SetArgDisplayNames(n));

    /// <summary>The restore inputs (vectors/*.rules).</summary>
    public static IEnumerable<TestCaseData> RestoreInputs() =>
        Directory.GetFiles(TestData.PathOf("vectors"), "*.rules").Select(Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal)
            .Select(n => new TestCaseData(n).SetArgDisplayNames(n!));

    [Test]
    public void Every_kind_of_vector_file_is_present()
    {
        var kinds = TestData.VectorOutputs(n => !n.Contains("restore-stderr")).Select(FormatOf).Distinct().ToList();
        Assert.That(kinds, Is.EquivalentTo(new[] { DumpFormat.Save, DumpFormat.Rules, DumpFormat.Listing }));
    }

    [TestCaseSource(nameof(VectorFiles))]
    public void Vector_file_is_detected_and_parsed_by_its_parser(string name, DumpFormat format, string table)
    {
        var text = TestData.Vector(name);
        Assert.That(Reader.Detect(text), Is.EqualTo(format));
        var dump = Reader.Read(text, name);
        Assert.That(dump.Format, Is.EqualTo(format));
        Assert.That(dump.Source, Is.EqualTo(name));
        Assert.That(dump.Skipped, Is.Empty);
        Assert.That(dump.FirstLine, Is.EqualTo(1));
        switch (format)
        {
            case DumpFormat.Listing:
                Assert.That(dump.Listing, Is.Not.Null);
                Assert.That(dump.RuleSet, Is.EqualTo(ListingParser.Parse(text, name).RuleSet));
                Assert.That(ListingRenderer.Render(dump.Listing!), Is.EqualTo(text));
                Assert.That(dump.RuleSet.Tables.Single().Name, Is.EqualTo(table));
                Assert.That(dump.RuleLines, Has.Count.EqualTo(dump.RuleSet.Tables[0].Chains.Sum(c => c.Rules.Count)));
                break;
            case DumpFormat.Save:
                Assert.That(dump.Save, Is.Not.Null);
                Assert.That(dump.RuleSet, Is.EqualTo(SaveParser.Parse(text, name).RuleSet));
                Assert.That(SaveRenderer.Render(dump.Save!), Is.EqualTo(text));
                Assert.That(dump.RuleSet.Tables.Select(t => t.Name), Does.Contain(table));
                Assert.That(dump.HasRuleCounters, Is.EqualTo(text.Contains("\n[")), "rule counters when a rule line starts with [p:b]");
                break;
            default:
                Assert.That(dump.Rules, Is.Not.Null);
                Assert.That(dump.Rules!.Table.Name, Is.EqualTo(table), "table inferred from the -P lines");
                Assert.That(dump.RuleSet.Tables.Single(), Is.EqualTo(RulesParser.Parse(text, table, name).Table));
                Assert.That(RulesRenderer.Render(dump.Rules), Is.EqualTo(text));
                break;
        }
    }

    [TestCaseSource(nameof(RestoreInputs))]
    public void Restore_input_is_save_text(string name)
    {
        var text = TestData.Read("vectors", name);
        var dump = Reader.Read(text, name);
        Assert.That(dump.Format, Is.EqualTo(DumpFormat.Save));
        Assert.That(dump.RuleSet, Is.EqualTo(SaveParser.Parse(text, name).RuleSet));
    }

    [Test]
    public void The_seed_is_a_verbose_names_listing_with_rule_lines()
    {
        var dump = Reader.Read(TestData.Seed, "seed.listing.txt");
        Assert.That(dump.Format, Is.EqualTo(DumpFormat.Listing));
        Assert.That(dump.Listing!.Form.Verbose, Is.True);
        Assert.That(dump.Listing.Form.Exact, Is.False);
        Assert.That(dump.Listing.Form.Dialect, Is.EqualTo(ListingDialect.Names));
        Assert.That(dump.RuleSet.Tables.Single().Name, Is.EqualTo("nat"));
        Assert.That(dump.HasRuleCounters, Is.True);
        Assert.That(dump.LastLine, Is.EqualTo(135));

        var seedLines = TestData.Seed.Split('\n');
        var first = dump.FindRuleLine("PREROUTING", 0)!;
        Assert.That(first.Line, Is.EqualTo(3));
        Assert.That(first.Text, Is.EqualTo(seedLines[2]));
        var dnat = dump.FindRuleLine("KUBE-SEP-LS5M55Q5SBUJEOD2", 1)!;
        Assert.That(dnat.Text, Does.Contain("tcp to:10.254.98.5:8080"));
        Assert.That(seedLines[dnat.Line - 1], Is.EqualTo(dnat.Text));
        Assert.That(dump.FindRuleLine("KUBE-SEP-LS5M55Q5SBUJEOD2", 2), Is.Null);
        Assert.That(dump.FindRuleLine("INPUT", 0), Is.Null, "INPUT has no rules");
    }

    [Test]
    public void Rules_text_after_comments_is_rules()
    {
        var text = "# taken with iptables -t nat -S\n\n" + TestData.Vector("v1-seed-nat.legacy.S-nat.txt");
        Assert.That(Reader.Detect(text), Is.EqualTo(DumpFormat.Rules));
        Assert.That(Reader.Read(text).Rules!.Table.Name, Is.EqualTo("nat"));
    }

    [Test]
    public void Rules_without_policies_list_the_filter_table_unless_named()
    {
        var text = "-N KUBE-SERVICES\n-A KUBE-SERVICES -d 10.0.0.1/32 -j ACCEPT\n";
        Assert.That(Reader.Read(text).RuleSet.Tables.Single().Name, Is.EqualTo("filter"));
        Assert.That(Reader.Read(text, "x", new DumpReadOptions { TableName = "nat" }).RuleSet.Tables.Single().Name, Is.EqualTo("nat"));
    }

    [Test]
    public void A_listing_can_be_given_its_table_name()
    {
        var dump = Reader.Read(TestData.Seed, "seed", new DumpReadOptions { TableName = "mytable" });
        Assert.That(dump.RuleSet.Tables.Single().Name, Is.EqualTo("mytable"));
    }

    [Test]
    public void Save_text_starting_with_its_header_comment_is_save()
    {
        var text = TestData.Vector("v2-kube-full.legacy.save-filter.txt");
        Assert.That(text, Does.StartWith("# Generated by"));
        Assert.That(Reader.Detect(text), Is.EqualTo(DumpFormat.Save));
    }

    [Test]
    public void Crlf_listing_is_read()
    {
        var crlf = TestData.Seed.Replace("\n", "\r\n");
        var dump = Reader.Read(crlf, "seed");
        Assert.That(dump.RuleSet, Is.EqualTo(Reader.Read(TestData.Seed).RuleSet));
        Assert.That(dump.FindRuleLine("PREROUTING", 0)!.Text, Does.Not.EndWith("\r"));
    }

    [Test]
    public void An_ipv6_listing_is_ipv6()
    {
        var dump = Reader.Read(TestData.Vector("v5-ip6-nat.legacy.L-v-n-nat.txt"));
        Assert.That(dump.RuleSet.Family, Is.EqualTo(IpFamily.V6));
    }

    private static DumpFormat FormatOf(string name) =>
        name.Contains(".save-") ? DumpFormat.Save : name.Contains(".S-") ? DumpFormat.Rules : DumpFormat.Listing;

    private static string TableOf(string name) => name.EndsWith("-filter.txt") ? "filter" : "nat";
}
