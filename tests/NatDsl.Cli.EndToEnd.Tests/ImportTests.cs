using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary><c>natdsl import</c> as a process, and the round trip: import → compile the C# → same rules as the dump.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class ImportTests
{
    [Test]
    public void Seed_listing_round_trips_through_the_written_dsl()
    {
        using var work = new Workspace();
        var import = work.Run("import", "dumps/seed.listing.txt", "-o", "Seed.cs");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.ToString());
        Assert.That(import.Stderr, Is.Empty, "an exact import warns about nothing: " + import);

        // verify compiles the written C# in memory with the generator and compares the node's
        // self-contained rules with the listing under its equivalence, counters ignored.
        var verify = work.Run("verify", "Seed.cs", "--golden", "dumps/seed.listing.txt");
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.ToString());
    }

    [Test]
    public void Seed_import_recovers_the_v1_12_cluster()
    {
        using var work = new Workspace();
        var result = work.Run("import", "dumps/seed.listing.txt");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var dsl = result.Stdout;
        Assert.That(dsl, Does.Contain("[NatRuleSet]\npublic static partial class SeedListing\n"));
        Assert.That(dsl, Does.Contain(".KubeProxy(KubeProxyProfile.V1_12)"));
        Assert.That(dsl, Does.Contain(".ClusterCidr(\"10.254.0.0/16\")"));
        Assert.That(dsl, Does.Contain(".RandomFully(false)"));
        Assert.That(dsl, Does.Contain(".Masquerade(m => m.PodNetwork(\"10.254.0.0/16\").NodeSubnet(\"10.254.98.0/24\"))"));
        Assert.That(dsl, Does.Contain(".Port(\"http\", 80, Protocol.Tcp, nodePort: 34573)"));
        Assert.That(dsl, Does.Contain(".Port(\"dns\", 53, Protocol.Udp)\n            .Port(\"dns-tcp\", 53, Protocol.Tcp)"));
        Assert.That(dsl, Does.Contain(".Endpoints(8080, \"10.254.28.6\", \"10.254.28.7\", \"10.254.98.4\", \"10.254.98.5\")"));
        Assert.That(dsl, Does.Contain("// Round trip: compiled as the node's whole tables, this definition reproduces the dump exactly"));
        Assert.That(dsl, Does.Contain("no comments on 33 KUBE-SVC/KUBE-SEP rules"));
        Assert.That(dsl, Does.Contain("Target ports are not in the rules"));
        Assert.That(dsl, Does.Contain("// kys/dnsutils-ds: Type NodePort: a LoadBalancer service without ingress IPs has the same rules."));
        Assert.That(dsl.IndexOf("\"kys/my-nginx\"", System.StringComparison.Ordinal), Is.LessThan(dsl.IndexOf("\"kube-system/kube-dns\"", System.StringComparison.Ordinal)),
            "services in the order of KUBE-SERVICES");
    }

    [Test]
    public void Current_restore_script_round_trips()
    {
        using var work = new Workspace();
        var import = work.Run("import", "dumps/TestOverallIPTablesRules.rules", "--class", "Tests.Overall", "-o", "Overall.cs");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.ToString());
        Assert.That(import.Stderr, Is.Empty, import.ToString());
        var dsl = work.Read("Overall.cs");
        Assert.That(dsl, Does.Contain("namespace Tests;\n\n[NatRuleSet]\npublic static partial class Overall\n"));
        Assert.That(dsl, Does.Contain(".KubeProxy(KubeProxyProfile.Current)"));
        Assert.That(dsl, Does.Contain(".SessionAffinity(SessionAffinity.ClientIP, 10800)"));
        Assert.That(dsl, Does.Contain(".ExternalTrafficPolicy(TrafficPolicy.Local)"));
        Assert.That(dsl, Does.Contain(".HealthCheckNodePort(30000)"));

        var verify = work.Run("verify", "Overall.cs", "--golden", "dumps/TestOverallIPTablesRules.rules");
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.ToString());
    }

    [Test]
    public void Forcing_the_wrong_profile_still_writes_the_file_and_warns()
    {
        using var work = new Workspace();
        var result = work.Run("import", "dumps/seed.listing.txt", "--profile", "current", "-o", "Seed.cs");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("natdsl: warning: Round trip: "));
        var dsl = work.Read("Seed.cs");
        Assert.That(dsl, Does.Contain("chosen with --profile (the dump looks like V1_12)"));
        Assert.That(dsl, Does.Contain("this definition differs from the dump in"));
    }

    [Test]
    public void Standard_input_is_read_with_a_default_class_name()
    {
        using var work = new Workspace();
        var result = Cli.Run(work.Root, work.Read("dumps/seed.listing.txt"), "import", "-");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain("public static partial class ImportedCluster"));
        Assert.That(result.Stdout, Does.Contain("from <stdin>"));
    }

    [Test]
    public void Output_is_byte_identical_across_runs()
    {
        using var work = new Workspace();
        var first = work.Run("import", "dumps/TestOverallIPTablesRules.rules");
        var second = work.Run("import", "dumps/TestOverallIPTablesRules.rules");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(second.Stdout, Is.EqualTo(first.Stdout));
    }

    [TestCase("dumps/missing.txt", new string[0], "dumps/missing.txt: no such file")]
    [TestCase("dsl/NoRuleSet.cs", new string[0], "dsl/NoRuleSet.cs:1:1: ")]
    [TestCase("dumps/seed.listing.txt", new[] { "--class", "not-a-name" }, "--class: \"not-a-name\" is not a C# class name")]
    [TestCase("dumps/seed.listing.txt", new[] { "--profile", "v9" }, "v9")]
    public void Bad_input_is_exit_code_2(string dump, string[] options, string message)
    {
        using var work = new Workspace();
        var args = new System.Collections.Generic.List<string> { "import", dump };
        args.AddRange(options);
        var result = work.Run(args.ToArray());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("natdsl: ").And.Contain(message));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Listing_with_a_broken_line_names_line_and_column()
    {
        using var work = new Workspace();
        var lines = work.Read("dumps/seed.listing.txt").Split('\n');
        lines[2] = "28044 1705K KUBE-SERVICES  all  --  *      *       0.0.0.0/0            0.0.0.300/0";
        work.Write("dumps/broken.txt", string.Join("\n", lines));

        var result = work.Run("import", "dumps/broken.txt");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("natdsl: dumps/broken.txt:3:"));
    }
}
