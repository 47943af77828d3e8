using System.IO;
using NatDsl.Analysis.Diff;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary>
/// <c>natdsl generate --since OLD.rules</c> as a process: the delta instead of the whole script,
/// checked by applying it on OLD (with the save parser's --noflush semantics, and with the real
/// iptables-restore --noflush in a fresh network namespace); a broken OLD is exit code 2 at its line and column.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class GenerateSinceTests
{
    /// <summary>
    /// The seed cluster one sync later: an endpoint of kys/service-test gone (its chain must be
    /// deleted), a service added (chains created), KUBE-SERVICES rewritten.
    /// </summary>
    private static string Next(Workspace work) => work.Read("dsl/SeedCluster.cs")
        .Replace("class SeedCluster", "class SeedNext")
        .Replace(".Endpoints(8080, \"10.254.98.5\", ", ".Endpoints(8080, ")
        .Replace("        .Masquerade(", "        .Service(\"kys/added\", svc => svc\n            .ClusterIP(\"10.254.9.9\")\n            .Port(81, Protocol.Tcp)\n            .Endpoints(81, \"10.254.28.9\"))\n        .Masquerade(");

    private static (string Old, string New) OldAndNew(Workspace work)
    {
        work.Write("dsl/SeedNext.cs", Next(work));
        var old = work.Run("generate", "dsl/SeedCluster.cs", "-o", "deployed");
        var full = work.Run("generate", "dsl/SeedNext.cs", "-o", "-");
        Assert.That(old.ExitCode, Is.EqualTo(0), old.ToString());
        Assert.That(full.ExitCode, Is.EqualTo(0), full.ToString());
        Assert.That(full.Stdout, Does.Contain("10.254.9.9"), "the edit of the DSL took");
        return (work.Read("deployed/SeedCluster.rules"), full.Stdout);
    }

    private static void AssertSameRules(RuleSet expected, RuleSet actual)
    {
        var result = RuleSetDiff.Compare(expected, actual, new DiffOptions { IgnoreCounters = true, IgnoreChainOrder = true });
        Assert.That(result.AreEqual, Is.True, DiffReport.Render(result, SaveRenderer.RenderRule));
    }

    [Test]
    public void Writes_the_delta_that_turns_OLD_into_the_new_script()
    {
        using var work = new Workspace();
        var (old, full) = OldAndNew(work);

        var result = work.Run("generate", "dsl/SeedNext.cs", "--since", "deployed/SeedCluster.rules", "-o", "-");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        var delta = result.Stdout;
        Assert.That(delta, Does.StartWith("*nat\n").And.EndWith("COMMIT\n"), "only nat changed");
        Assert.That(delta, Does.Contain("\n-X KUBE-SEP-LS5M55Q5SBUJEOD2\n"), "the removed endpoint's chain is deleted");
        Assert.That(delta, Does.Contain("--to-destination 10.254.28.9:81"));
        Assert.That(delta.Split('\n').Length, Is.LessThan(full.Split('\n').Length / 2), "a delta, not the whole script");

        var applied = SaveParser.ParseRuleSet(old + delta, "old+delta", new SaveParseOptions { NoFlush = true });
        AssertSameRules(SaveParser.ParseRuleSet(full, "new"), applied);
    }

    [Test]
    public void Output_directory_gets_Class_delta_rules_and_no_change_is_an_empty_delta()
    {
        using var work = new Workspace();
        Assert.That(work.Run("generate", "dsl/SeedCluster.cs", "-o", "deployed").ExitCode, Is.EqualTo(0));

        var result = work.Run("generate", "dsl/SeedCluster.cs", "--since", "deployed/SeedCluster.rules", "-o", "out");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout.Replace('\\', '/'), Is.EqualTo("out/SeedCluster.delta.rules\n"));
        Assert.That(work.Read("out/SeedCluster.delta.rules"), Is.Empty);
        Assert.That(File.Exists(work.PathOf("out/SeedCluster.rules")), Is.False, "the whole script is not written");
    }

    [Test]
    public void From_kubernetes_the_delta_goes_to_the_output_file()
    {
        using var work = new Workspace();
        string[] node = { "--from-kubernetes", "kubernetes/cluster.list.yaml", "--hostname-override", "node1", "--node-ip", "10.0.0.11" };
        Assert.That(work.Run(Args(node, "-o", "old.rules")).ExitCode, Is.EqualTo(0));
        Assert.That(work.Run(Args(node, "--cluster-cidr", "10.244.0.0/16", "-o", "new.rules")).ExitCode, Is.EqualTo(0));

        var result = work.Run(Args(node, "--cluster-cidr", "10.244.0.0/16", "--since", "old.rules", "-o", "delta.rules"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var delta = work.Read("delta.rules");
        Assert.That(delta, Does.Contain("10.244.0.0/16"));
        var applied = SaveParser.ParseRuleSet(work.Read("old.rules") + delta, "old+delta", new SaveParseOptions { NoFlush = true });
        AssertSameRules(SaveParser.ParseRuleSet(work.Read("new.rules"), "new"), applied);
    }

    private static string[] Args(string[] node, params string[] more)
    {
        var all = new System.Collections.Generic.List<string> { "generate" };
        all.AddRange(node);
        all.AddRange(more);
        return all.ToArray();
    }

    [Test]
    public void Broken_OLD_is_exit_code_2_at_its_line_and_column()
    {
        using var work = new Workspace();
        work.Write("old.rules", "*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -d 10.254.0.300/32 -j ACCEPT\nCOMMIT\n");

        var result = work.Run("generate", "dsl/SeedCluster.cs", "--since", "old.rules", "-o", "-");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("natdsl: old.rules:3:21: "));
        Assert.That(result.Stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), "one line");
        Assert.That(result.Stdout, Is.Empty);
    }

    [TestCase("dumps/seed.listing.txt", "expected iptables-save or iptables-restore text")]
    [TestCase("dumps/counters.rules", "it has rules in built-in chains")]
    [TestCase("dumps/missing.rules", "dumps/missing.rules: no such file")]
    public void OLD_that_is_no_earlier_script_is_exit_code_2(string old, string message)
    {
        using var work = new Workspace();

        var result = work.Run("generate", "dsl/SeedCluster.cs", "--since", old, "-o", "-");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("natdsl: ").And.Contain(message));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Several_classes_are_exit_code_2()
    {
        using var work = new Workspace();
        Assert.That(work.Run("generate", "dsl/SeedCluster.cs", "-o", "deployed").ExitCode, Is.EqualTo(0));

        var result = work.Run("generate", "dsl/TwoClusters.cs", "--since", "deployed/SeedCluster.rules", "-o", "-");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("declares 2 [NatRuleSet] classes (Clusters.Blue, Clusters.Green); a delta is made for one"));
    }

    /// <summary>
    /// The delta from the CLI with the real iptables-restore --noflush: OLD is loaded into a fresh
    /// namespace, the delta applied, and iptables-save must then hold the rules of the new
    /// script loaded alone into another fresh namespace.
    /// </summary>
    [Test]
    [Category("RealIptables")]
    public void Real_iptables_restore_noflush_of_the_delta_gives_the_new_rules()
    {
        NetworkNamespace.Require();
        using var work = new Workspace();
        var (old, full) = OldAndNew(work);
        var result = work.Run("generate", "dsl/SeedNext.cs", "--since", "deployed/SeedCluster.rules", "-o", "-");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());

        using var updated = NetworkNamespace.Create();
        Restore(updated, old);
        Restore(updated, result.Stdout, "--noflush");
        using var fresh = NetworkNamespace.Create();
        Restore(fresh, full);

        AssertSameRules(Saved(fresh), Saved(updated));
        Assert.That(Saved(updated).FindTable("nat")!.FindChain("KUBE-SEP-LS5M55Q5SBUJEOD2"), Is.Null, "deleted in the kernel");
    }

    private static void Restore(NetworkNamespace ns, string script, params string[] flags)
    {
        var restored = ns.Exec(script, "iptables-restore", flags);
        Assert.That(restored.ExitCode, Is.EqualTo(0), "iptables-restore " + string.Join(" ", flags) + ": " + restored + "\n--- input\n" + script);
    }

    private static RuleSet Saved(NetworkNamespace ns)
    {
        var saved = ns.Exec(null, "iptables-save");
        Assert.That(saved.ExitCode, Is.EqualTo(0), saved.ToString());
        return SaveParser.ParseRuleSet(saved.Stdout, ns.Name + " iptables-save");
    }
}
