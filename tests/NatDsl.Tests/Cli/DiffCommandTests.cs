using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace NatDsl.Tests.Cli;

/// <summary>End-to-end tests of <c>natdsl diff</c>: exit codes 0/1/2 and the report.</summary>
public class DiffCommandTests
{
    private static string SeedPath => TestData.PathOf("golden", "seed.listing.txt");

    [Test]
    public void Seed_against_itself_is_equal()
    {
        var result = CliProcess.Run("diff", SeedPath, SeedPath);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("rule sets are equal"));
        Assert.That(result.StandardOutput, Does.Contain("compared as an iptables -L -v -n listing shows the rules"));
    }

    [Test]
    public void Seed_listing_against_its_own_save_conversion_is_equal()
    {
        using var temp = new TempFiles();
        var converted = CliProcess.Run("convert", SeedPath, "--to", "save", "-o", temp.PathOf("seed.rules"));
        Assert.That(converted.ExitCode, Is.EqualTo(0), converted.ToString());
        var result = CliProcess.Run("diff", SeedPath, temp.PathOf("seed.rules"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString() + "\n" + result.StandardOutput);
        Assert.That(result.StandardOutput, Does.Contain("actual:   " + temp.PathOf("seed.rules") + " (iptables-save text with rule counters)"));
        Assert.That(result.StandardOutput, Does.Contain("note: compared as an iptables -L -v -n listing shows the rules (listing equivalence)"));
        Assert.That(result.StandardOutput, Does.EndWith("rule sets are equal\n"));

        var reversed = CliProcess.Run("diff", temp.PathOf("seed.rules"), SeedPath);
        Assert.That(reversed.ExitCode, Is.EqualTo(0), reversed.ToString());
    }

    [Test]
    public void Seed_listing_against_the_real_save_of_its_rules_is_equal()
    {
        var result = CliProcess.Run("diff", SeedPath, TestData.PathOf("vectors", "out", "v1-seed-nat.legacy.save-c-nat.txt"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardOutput);
    }

    [TestCase("v1-seed-nat.legacy.L-n-nat.txt", "-L -n")]
    [TestCase("v1-seed-nat.legacy.L-v-n-x-nat.txt", "-L -v -n")]
    [TestCase("v1-seed-nat.nft.L-v-n-line-nat.txt", "-L -v -n")]
    public void Two_listings_are_compared_in_the_poorer_form(string other, string form)
    {
        var result = CliProcess.Run("diff", SeedPath, TestData.PathOf("vectors", "out", other));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardOutput);
        Assert.That(result.StandardOutput, Does.Contain("note: compared as an iptables " + form + " listing shows the rules"));
    }

    [Test]
    public void A_save_without_rule_counters_is_compared_without_counters_and_says_so()
    {
        var save = TestData.PathOf("vectors", "out", "v1-seed-nat.legacy.save-nat.txt");
        var result = CliProcess.Run("diff", SeedPath, save);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardOutput);
        Assert.That(result.StandardOutput, Does.Contain("note: counters not compared: " + save + " has no rule counters"));
    }

    [Test]
    public void A_changed_endpoint_is_reported_with_both_rules()
    {
        using var temp = new TempFiles();
        var actual = temp.Write("actual.txt", TestData.Seed.Replace("tcp to:10.254.98.5:8080", "tcp to:10.254.98.6:8080"));
        var result = CliProcess.Run("diff", SeedPath, actual);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var report = result.StandardOutput;
        Assert.That(report, Does.Contain("rule sets differ: 1 difference\ntable nat\n  chain KUBE-SEP-LS5M55Q5SBUJEOD2\n    rule differs (expected #2, actual #2)"));
        Assert.That(report, Does.Contain("      - -A KUBE-SEP-LS5M55Q5SBUJEOD2 -p tcp -m tcp -j DNAT --to-destination 10.254.98.5:8080\n"));
        Assert.That(report, Does.Contain("      + -A KUBE-SEP-LS5M55Q5SBUJEOD2 -p tcp -m tcp -j DNAT --to-destination 10.254.98.6:8080\n"));
        Assert.That(result.StandardError, Is.Empty);
    }

    [Test]
    public void Counters_differ_unless_ignored()
    {
        using var temp = new TempFiles();
        var actual = temp.Write("actual.txt", TestData.Seed.Replace("    1    84 MASQUERADE", "    2   168 MASQUERADE"));
        var strict = CliProcess.Run("diff", SeedPath, actual);
        Assert.That(strict.ExitCode, Is.EqualTo(1), strict.StandardOutput);
        Assert.That(strict.StandardOutput, Does.Contain("chain POSTROUTING"));
        var ignoring = CliProcess.Run("diff", "--ignore-counters", SeedPath, actual);
        Assert.That(ignoring.ExitCode, Is.EqualTo(0), ignoring.StandardOutput);
    }

    [Test]
    public void Reordered_service_groups_differ_unless_unordered()
    {
        var lines = TestData.Seed.Split('\n').ToList();
        var first = lines.FindIndex(l => l.Contains("/* kys/my-nginx: cluster IP */"));
        var moved = lines.GetRange(first, 2);
        lines.RemoveRange(first, 2);
        lines.InsertRange(first + 4, moved);
        using var temp = new TempFiles();
        var actual = temp.Write("actual.txt", string.Join("\n", lines));
        Assert.That(CliProcess.Run("diff", SeedPath, actual).ExitCode, Is.EqualTo(1));
        var unordered = CliProcess.Run("diff", "--unordered-services", SeedPath, actual);
        Assert.That(unordered.ExitCode, Is.EqualTo(0), unordered.StandardOutput);
        Assert.That(CliProcess.Run("diff", "--kube-proxy-sort", SeedPath, actual).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void Json_report_has_the_differences()
    {
        using var temp = new TempFiles();
        var actual = temp.Write("actual.txt", TestData.Seed.Replace("tcp to:10.254.98.5:8080", "tcp to:10.254.98.6:8080"));
        var result = CliProcess.Run("diff", "--json", SeedPath, actual);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.That(root.GetProperty("equal").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("expected").GetProperty("format").GetString(), Is.EqualTo("listing"));
        Assert.That(root.GetProperty("comparison").GetProperty("listingForm").GetString(), Is.EqualTo("-L -v -n"));
        var differences = root.GetProperty("differences").EnumerateArray().ToList();
        Assert.That(differences, Has.Count.EqualTo(1));
        var d = differences[0];
        Assert.That(d.GetProperty("kind").GetString(), Is.EqualTo("RuleDiffers"));
        Assert.That(d.GetProperty("table").GetString(), Is.EqualTo("nat"));
        Assert.That(d.GetProperty("chain").GetString(), Is.EqualTo("KUBE-SEP-LS5M55Q5SBUJEOD2"));
        Assert.That(d.GetProperty("expectedRule").GetInt32(), Is.EqualTo(2));
        Assert.That(d.GetProperty("actual").GetString(), Does.EndWith("--to-destination 10.254.98.6:8080"));

        var equal = CliProcess.Run("diff", "--json", SeedPath, SeedPath);
        Assert.That(equal.ExitCode, Is.EqualTo(0));
        using var equalJson = JsonDocument.Parse(equal.StandardOutput);
        Assert.That(equalJson.RootElement.GetProperty("equal").GetBoolean(), Is.True);
        Assert.That(equalJson.RootElement.GetProperty("differences").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public void Two_save_dumps_are_compared_exactly()
    {
        var legacy = TestData.PathOf("vectors", "out", "v2-kube-full.legacy.save-c-nat.txt");
        var nft = TestData.PathOf("vectors", "out", "v2-kube-full.nft.save-c-nat.txt");
        var result = CliProcess.Run("diff", legacy, nft);
        Assert.That(result.StandardOutput, Does.Not.Contain("listing equivalence"));
        Assert.That(result.ExitCode, Is.EqualTo(1), "nft rewrites ! --dport 0:1023: " + result.StandardOutput);
        Assert.That(result.StandardOutput, Does.Contain("--dport 1024:65535"));
    }

    [Test]
    public void Missing_file_is_bad_input()
    {
        CliProcess.AssertBadInput(CliProcess.Run("diff", SeedPath, "missing.txt"), "missing.txt: no such file");
    }

    [Test]
    public void Malformed_dump_is_bad_input_with_its_location()
    {
        using var temp = new TempFiles();
        var bad = temp.Write("bad.rules", "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:80:90\nCOMMIT\n");
        var result = CliProcess.Run("diff", SeedPath, bad);
        CliProcess.AssertBadInput(result, bad + ":3:");
    }

    [Test]
    public void Prose_is_bad_input_in_strict_mode()
    {
        CliProcess.AssertBadInput(CliProcess.Run("diff", TestData.PathOf("golden", "seed-as-given.md"), SeedPath), "seed-as-given.md:1:1: not an iptables dump");
    }

    [Test]
    public void Lenient_mode_reads_the_seed_as_given()
    {
        var result = CliProcess.Run("diff", "--lenient", TestData.PathOf("golden", "seed-as-given.md"), SeedPath);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardOutput);
        Assert.That(result.StandardError, Does.Contain("skipped 6 other lines"));
    }

    [Test]
    public void Stdin_for_both_sides_is_bad_usage()
    {
        CliProcess.AssertBadInput(CliProcess.RunWithInput(TestData.Seed, "diff", "-", "-"), "only one of the two inputs can be -");
    }

    [Test]
    public void Stdin_as_one_side_works()
    {
        var result = CliProcess.RunWithInput(TestData.Seed, "diff", SeedPath, "-");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.StandardOutput, Does.Contain("actual:   <stdin>"));
    }

    [Test]
    public void Help_has_examples()
    {
        var result = CliProcess.Run("diff", "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.StandardOutput, Does.Contain("Examples:"));
        Assert.That(result.StandardOutput, Does.Contain("natdsl diff expected.rules node1.txt"));
    }
}
