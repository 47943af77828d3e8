using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats;
using NatDsl.Formats.Listing;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Cli;

/// <summary>End-to-end tests of <c>natdsl convert</c>, run as a process.</summary>
public class ConvertCommandTests
{
    private static string SeedPath => TestData.PathOf("golden", "seed.listing.txt");

    private static string GivenPath => TestData.PathOf("golden", "seed-as-given.md");

    private static string VectorPath(string name) => TestData.PathOf("vectors", "out", name);

    /// <summary>iptables-save -c vectors (legacy and nft) whose listings a save text fully determines.</summary>
    public static IEnumerable<TestCaseData> SaveVectors()
    {
        foreach (var vector in new[] { "v1-seed-nat", "v2-kube-full", "v3-counters", "v6-chain-order", "v8-comments" })
        {
            foreach (var backend in new[] { "legacy", "nft" })
            {
                foreach (var table in new[] { "nat", "filter" })
                {
                    var name = vector + "." + backend + ".save-c-" + table + ".txt";
                    if (System.IO.File.Exists(VectorPath(name))) yield return new TestCaseData(vector + "." + backend, table).SetArgDisplayNames(name);
                }
            }
        }
    }

    [Test]
    public void Seed_to_listing_is_byte_identical()
    {
        var result = CliProcess.Run("convert", SeedPath, "--to", "listing");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Is.EqualTo(TestData.Seed));
        Assert.That(result.StandardError, Is.Empty);
    }

    [Test]
    public void Seed_from_stdin_to_listing_is_byte_identical()
    {
        var result = CliProcess.RunWithInput(TestData.Seed, "convert", "-", "--to", "listing");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Is.EqualTo(TestData.Seed));
    }

    [Test]
    public void Output_file_receives_the_conversion()
    {
        using var temp = new TempFiles();
        var result = CliProcess.Run("convert", SeedPath, "--to", "listing", "-o", temp.PathOf("out.txt"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Is.Empty);
        Assert.That(temp.Read("out.txt"), Is.EqualTo(TestData.Seed));
        Assert.That(System.IO.Directory.GetFiles(temp.Folder), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [Test]
    public void Seed_to_listing_in_the_numbers_dialect_is_what_iptables_1_8_9_prints()
    {
        var result = CliProcess.Run("convert", SeedPath, "--to", "listing", "--dialect", "numbers");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Is.EqualTo(TestData.Vector("v1-seed-nat.legacy.L-v-n-nat.txt")));
    }

    [Test]
    public void Listing_options_override_the_inputs_form()
    {
        var result = CliProcess.Run("convert", SeedPath, "--to", "listing", "--verbose=false", "--line-numbers");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var document = ListingParser.Parse(result.StandardOutput);
        Assert.That(document.Form.Verbose, Is.False);
        Assert.That(document.Form.LineNumbers, Is.True);
        Assert.That(document.Form.Dialect, Is.EqualTo(ListingDialect.Names));
        Assert.That(result.StandardOutput, Does.StartWith("Chain PREROUTING (policy ACCEPT)\nnum  target     prot opt source"));
    }

    [TestCaseSource(nameof(SaveVectors))]
    public void Save_to_listing_is_what_iptables_lists(string vector, string table)
    {
        var input = VectorPath(vector + ".save-c-" + table + ".txt");
        var forms = new (string[] Options, string Listing)[]
        {
            (new[] { "--exact" }, "L-v-n-x"),
            (new[] { "--verbose=false" }, "L-n"),
            (new string[0], "L-v-n"),
            (new[] { "--line-numbers" }, "L-v-n-line"),
        };
        foreach (var (options, listing) in forms)
        {
            var args = new List<string> { "convert", input, "--to", "listing", "--dialect", "numbers" };
            args.AddRange(options);
            var result = CliProcess.Run(args.ToArray());
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.StandardOutput, Is.EqualTo(TestData.Vector(vector + "." + listing + "-" + table + ".txt")), listing);
        }
    }

    [Test]
    public void Seed_to_save_carries_counters_as_estimates()
    {
        var result = CliProcess.Run("convert", SeedPath, "--to", "save");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var save = SaveParser.Parse(result.StandardOutput, "converted");
        Assert.That(save.RuleCounters, Is.True);
        Assert.That(result.StandardOutput, Does.Contain("[28044:1705000] -A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"));
        Assert.That(result.StandardOutput, Does.Contain(":OUTPUT ACCEPT [6966:418000]\n"));
        var seed = ListingParser.Parse(TestData.Seed);
        Assert.That(ListingEquivalence.AreEquivalent(seed.RuleSet, save.RuleSet, seed.Form), Is.True);
    }

    [Test]
    public void Seed_to_rules_is_iptables_v_S()
    {
        var result = CliProcess.Run("convert", SeedPath, "--to", "rules");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Does.StartWith("-P PREROUTING ACCEPT -c 598 37844\n"));
        var rules = RulesParser.Parse(result.StandardOutput, "nat");
        var seed = ListingParser.Parse(TestData.Seed);
        Assert.That(ListingEquivalence.AreEquivalent(seed.RuleSet, new RuleSet(IpFamily.V4, new[] { rules.Table }.ToValueList()), seed.Form), Is.True);
    }

    [Test]
    public void Save_to_save_is_byte_identical()
    {
        var name = "v2-kube-full.nft.save-c-filter.txt";
        var result = CliProcess.Run("convert", VectorPath(name), "--to", "save");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Is.EqualTo(TestData.Vector(name)));
    }

    [Test]
    public void Table_option_selects_a_table_of_save_input()
    {
        using var temp = new TempFiles();
        var both = temp.Write("both.rules", TestData.Vector("v2-kube-full.legacy.save-c-nat.txt") + TestData.Vector("v2-kube-full.legacy.save-c-filter.txt"));
        var all = CliProcess.Run("convert", both, "--to", "listing");
        Assert.That(all.ExitCode, Is.EqualTo(0), all.ToString());
        Assert.That(all.StandardOutput, Does.StartWith("# table nat\nChain PREROUTING"));
        Assert.That(all.StandardOutput, Does.Contain("\n\n# table filter\nChain INPUT"));

        var filter = CliProcess.Run("convert", both, "--to", "listing", "--table", "filter", "--dialect", "numbers", "--exact");
        Assert.That(filter.ExitCode, Is.EqualTo(0), filter.ToString());
        Assert.That(filter.StandardOutput, Is.EqualTo(TestData.Vector("v2-kube-full.legacy.L-v-n-x-filter.txt")));

        var missing = CliProcess.Run("convert", both, "--to", "save", "--table", "mangle");
        CliProcess.AssertBadInput(missing, "no table \"mangle\" (it has nat, filter)");
    }

    [Test]
    public void Seed_as_given_is_an_error_in_strict_mode()
    {
        var result = CliProcess.Run("convert", GivenPath, "--to", "listing");
        CliProcess.AssertBadInput(result, GivenPath + ":1:1: not an iptables dump");
        Assert.That(result.StandardError, Does.Contain("--lenient"));
    }

    [Test]
    public void Seed_as_given_in_lenient_mode_is_the_seed_with_skipped_lines_reported()
    {
        var result = CliProcess.Run("convert", GivenPath, "--lenient", "--to", "listing");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Is.EqualTo(TestData.Seed));
        var lines = result.StandardError.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Does.Contain("lines 10-144; skipped 6 other lines"));
        Assert.That(lines.Skip(1).Select(l => l.Substring(0, l.IndexOf(": skipped", System.StringComparison.Ordinal))),
            Is.EqualTo(new[] { 1, 3, 5, 6, 9, 145 }.Select(n => "natdsl: " + GivenPath + ":" + n)));
        Assert.That(lines[1], Does.EndWith(": skipped: ```"));
    }

    [Test]
    public void A_listing_only_extension_cannot_become_save_text()
    {
        var name = "v4-columns-and-extensions.legacy.L-n-filter.txt";
        var path = VectorPath(name);
        var line = TestData.Vector(name).Split('\n').Select((text, i) => (text, i)).First(l => l.text.EndsWith("CONNMARK save"));
        var result = CliProcess.Run("convert", path, "--to", "save");
        CliProcess.AssertBadInput(result, path + ":" + (line.i + 1) + ":" + (line.text.IndexOf("CONNMARK save", System.StringComparison.Ordinal) + 1) + ": cannot write this rule as iptables-save text");
    }

    [Test]
    public void Unknown_output_format_is_bad_usage()
    {
        CliProcess.AssertBadInput(CliProcess.Run("convert", SeedPath, "--to", "xml"), "--to: unknown format \"xml\"");
    }

    [Test]
    public void Unknown_dialect_is_bad_usage()
    {
        CliProcess.AssertBadInput(CliProcess.Run("convert", SeedPath, "--to", "listing", "--dialect", "klingon"), "--dialect: unknown dialect");
    }

    [Test]
    public void Listing_options_with_another_output_are_bad_usage()
    {
        CliProcess.AssertBadInput(CliProcess.Run("convert", SeedPath, "--to", "save", "--exact"), "--exact applies only to --to listing");
    }

    [Test]
    public void Missing_file_is_bad_input()
    {
        CliProcess.AssertBadInput(CliProcess.Run("convert", "no-such-file.txt", "--to", "save"), "no-such-file.txt: no such file");
    }

    [Test]
    public void Malformed_dump_is_located()
    {
        using var temp = new TempFiles();
        var path = temp.Write("bad.txt", TestData.Seed.Replace("Chain KUBE-MARK-MASQ (18 references)", "Chain KUBE-MARK-MASQ (18 referenses)"));
        var line = TestData.Seed.Split('\n').ToList().IndexOf("Chain KUBE-MARK-MASQ (18 references)") + 1;
        CliProcess.AssertBadInput(CliProcess.Run("convert", path, "--to", "save"), path + ":" + line + ":");
    }

    [Test]
    public void Malformed_stdin_is_located_as_stdin()
    {
        CliProcess.AssertBadInput(CliProcess.RunWithInput("*nat\n-A NOPE -j ACCEPT\nCOMMIT\n", "convert", "-", "--to", "listing"), "<stdin>:2:");
    }

    [Test]
    public void Help_has_examples()
    {
        var result = CliProcess.Run("convert", "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("Examples:"));
        Assert.That(result.StandardOutput, Does.Contain("natdsl convert node1.txt --to save"));
        Assert.That(result.StandardOutput, Does.Contain("--lenient"));
    }
}
