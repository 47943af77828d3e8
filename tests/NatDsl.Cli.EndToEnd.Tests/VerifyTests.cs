using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary><c>natdsl verify</c> as a process: the CI gate's exit codes and its report.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class VerifyTests
{
    private const string ChangedEndpoint = "10.254.98.6:8080";

    [Test]
    public void Dsl_matching_the_seed_listing_passes()
    {
        using var work = new Workspace();
        var result = work.Run("verify", "dsl/SeedCluster.cs", "--golden", "dumps/seed.listing.txt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Is.EqualTo("verified: dsl/SeedCluster.cs matches dumps/seed.listing.txt\n"));
        Assert.That(result.Stderr, Is.Empty);
    }

    [Test]
    public void Dsl_differing_from_the_dump_fails_with_the_rule_that_differs()
    {
        using var work = new Workspace();
        work.Write("dumps/drifted.listing.txt", work.Read("dumps/seed.listing.txt").Replace("10.254.98.5:8080", ChangedEndpoint));

        var result = work.Run("verify", "dsl/SeedCluster.cs", "--golden", "dumps/drifted.listing.txt");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain("rule sets differ: 1 difference"));
        Assert.That(result.Stdout, Does.Contain("chain KUBE-SEP-LS5M55Q5SBUJEOD2"));
        Assert.That(result.Stdout, Does.Contain("- -A KUBE-SEP-LS5M55Q5SBUJEOD2 -p tcp -m tcp -j DNAT --to-destination " + ChangedEndpoint));
        Assert.That(result.Stdout, Does.Contain("+ -A KUBE-SEP-LS5M55Q5SBUJEOD2 -p tcp -m tcp -j DNAT --to-destination 10.254.98.5:8080"));
    }

    [Test]
    public void Json_verdict_lists_the_differences_as_diff_json_does()
    {
        using var work = new Workspace();
        work.Write("dumps/drifted.listing.txt", work.Read("dumps/seed.listing.txt").Replace("10.254.98.5:8080", ChangedEndpoint));

        var pass = work.Run("verify", "dsl/SeedCluster.cs", "--golden", "dumps/seed.listing.txt", "--json");
        var fail = work.Run("verify", "dsl/SeedCluster.cs", "--golden", "dumps/drifted.listing.txt", "--json");

        Assert.That(pass.ExitCode, Is.EqualTo(0), pass.ToString());
        using (var json = System.Text.Json.JsonDocument.Parse(pass.Stdout))
        {
            var root = json.RootElement;
            Assert.That(root.GetProperty("verified").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("input").GetProperty("kind").GetString(), Is.EqualTo("dsl"));
            Assert.That(root.GetProperty("golden").GetProperty("format").GetString(), Is.EqualTo("listing"));
            Assert.That(root.GetProperty("golden").GetProperty("listingForm").GetString(), Is.EqualTo("-L -v -n"));
            Assert.That(root.GetProperty("differences").GetArrayLength(), Is.EqualTo(0));
        }

        Assert.That(fail.ExitCode, Is.EqualTo(1), fail.ToString());
        using (var json = System.Text.Json.JsonDocument.Parse(fail.Stdout))
        {
            var root = json.RootElement;
            Assert.That(root.GetProperty("verified").GetBoolean(), Is.False);
            var differences = root.GetProperty("differences");
            Assert.That(differences.GetArrayLength(), Is.EqualTo(1));
            var d = differences[0];
            Assert.That(d.GetProperty("chain").GetString(), Is.EqualTo("KUBE-SEP-LS5M55Q5SBUJEOD2"));
            Assert.That(d.GetProperty("expected").GetString(), Does.EndWith("--to-destination " + ChangedEndpoint));
            Assert.That(d.GetProperty("actual").GetString(), Does.EndWith("--to-destination 10.254.98.5:8080"));
        }
    }

    [Test]
    public void Golden_may_be_iptables_S_rules()
    {
        using var work = new Workspace();
        var listing = NatDsl.Formats.Listing.ListingParser.Parse(work.Read("dumps/seed.listing.txt"), "seed.listing.txt");
        work.Write("dumps/seed.S.txt", NatDsl.Formats.Save.RulesRenderer.Render(listing.RuleSet.Tables[0]));

        var result = work.Run("verify", "dsl/SeedCluster.cs", "--golden", "dumps/seed.S.txt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Is.EqualTo("verified: dsl/SeedCluster.cs matches dumps/seed.S.txt\n"));
    }

    [Test]
    public void Generated_restore_file_is_verified_by_applying_it_to_the_dump()
    {
        using var work = new Workspace();
        Assert.That(work.Run("generate", "dsl/SeedCluster.cs", "-o", "out").ExitCode, Is.EqualTo(0));
        work.Write("dumps/drifted.listing.txt", work.Read("dumps/seed.listing.txt").Replace("10.254.98.5:8080", ChangedEndpoint));

        var pass = work.Run("verify", "out/SeedCluster.rules", "--golden", "dumps/seed.listing.txt");
        var fail = work.Run("verify", "out/SeedCluster.rules", "--golden", "dumps/drifted.listing.txt");

        Assert.That(pass.ExitCode, Is.EqualTo(0), pass.ToString());
        Assert.That(fail.ExitCode, Is.EqualTo(1), fail.ToString());
        Assert.That(fail.Stdout, Does.Contain("--to-destination " + ChangedEndpoint));
    }

    [Test]
    public void Stale_service_chain_on_the_node_fails_a_restore_file()
    {
        using var work = new Workspace();
        Assert.That(work.Run("generate", "dsl/SeedCluster.cs", "-o", "out").ExitCode, Is.EqualTo(0));
        var stale = "\nChain KUBE-SVC-AAAAAAAAAAAAAAAA (0 references)\n pkts bytes target     prot opt in     out     source               destination         \n";
        work.Write("dumps/stale.listing.txt", work.Read("dumps/seed.listing.txt") + stale);

        var result = work.Run("verify", "out/SeedCluster.rules", "--golden", "dumps/stale.listing.txt");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain("KUBE-SVC-AAAAAAAAAAAAAAAA"));
    }

    [Test]
    public void Kube_proxy_sort_accepts_services_in_another_order()
    {
        using var work = new Workspace();
        var strict = work.Run("verify", "dsl/OverallReordered.cs", "--golden", "dumps/TestOverallIPTablesRules.rules");
        var sorted = work.Run("verify", "dsl/OverallReordered.cs", "--golden", "dumps/TestOverallIPTablesRules.rules", "--kube-proxy-sort");

        Assert.That(strict.ExitCode, Is.EqualTo(1), strict.ToString());
        Assert.That(strict.Stdout, Does.Contain("chain KUBE-SERVICES"));
        Assert.That(sorted.ExitCode, Is.EqualTo(0), sorted.ToString());
    }

    [Test]
    public void Counters_of_two_dumps_are_compared_unless_ignored()
    {
        using var work = new Workspace();
        work.Write("dumps/counted.rules", work.Read("dumps/counters.rules").Replace("[999:999] -A CNT -s 10.0.2.0/24", "[998:998] -A CNT -s 10.0.2.0/24"));

        var same = work.Run("verify", "dumps/counters.rules", "--golden", "dumps/counters.rules");
        var counted = work.Run("verify", "dumps/counted.rules", "--golden", "dumps/counters.rules");
        var ignored = work.Run("verify", "dumps/counted.rules", "--golden", "dumps/counters.rules", "--ignore-counters");

        Assert.That(same.ExitCode, Is.EqualTo(0), same.ToString());
        Assert.That(counted.ExitCode, Is.EqualTo(1), counted.ToString());
        Assert.That(counted.Stdout, Does.Contain("chain CNT"));
        Assert.That(ignored.ExitCode, Is.EqualTo(0), ignored.ToString());
    }

    [Test]
    public void Compile_errors_fail_verification_with_the_diagnostic()
    {
        using var work = new Workspace();
        var result = work.Run("verify", "dsl/InvalidCidr.cs", "--golden", "dumps/seed.listing.txt");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr.Replace('\\', '/'), Does.StartWith("dsl/InvalidCidr.cs(9,22): error NATDSL006: "));
    }

    [Test]
    public void Several_classes_need_class()
    {
        using var work = new Workspace();
        var ambiguous = work.Run("verify", "dsl/TwoClusters.cs", "--golden", "dumps/seed.listing.txt");
        var chosen = work.Run("verify", "dsl/TwoClusters.cs", "--golden", "dumps/seed.listing.txt", "--class", "Green");

        Assert.That(ambiguous.ExitCode, Is.EqualTo(2), ambiguous.ToString());
        Assert.That(ambiguous.Stderr, Does.Contain("Clusters.Blue, Clusters.Green").And.Contain("--class"));
        Assert.That(chosen.ExitCode, Is.EqualTo(1), "Green is not the seed: " + chosen);
    }

    [TestCase("dsl/Missing.cs", "dumps/seed.listing.txt", "dsl/Missing.cs: no such file")]
    [TestCase("dsl/SeedCluster.cs", "dumps/missing.txt", "dumps/missing.txt: no such file")]
    [TestCase("dsl/SeedCluster.cs", "dsl/NoRuleSet.cs", "dsl/NoRuleSet.cs:1:1: ")]
    public void Bad_input_is_exit_code_2(string input, string golden, string message)
    {
        using var work = new Workspace();
        var result = work.Run("verify", input, "--golden", golden);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("natdsl: " + message));
    }

    [Test]
    public void Golden_is_required()
    {
        using var work = new Workspace();
        var result = work.Run("verify", "dsl/SeedCluster.cs");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("--golden"));
    }
}
