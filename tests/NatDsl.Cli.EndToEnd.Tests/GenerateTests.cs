using System.IO;
using NatDsl.Dsl;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary><c>natdsl generate</c> as a process: files written, diagnostics as the compiler prints them, exit codes.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public class GenerateTests
{
    [Test]
    public void Writes_one_rules_file_per_class_with_the_runtime_compilers_script()
    {
        using var work = new Workspace();
        var result = work.Run("generate", "dsl/TwoClusters.cs", "-o", "out");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Is.Empty, result.ToString());
        Assert.That(result.Stdout.Replace('\\', '/'), Is.EqualTo("out/Blue.rules\nout/Green.rules\n"));
        var expected = SaveRenderer.Render(KubeProxyCompiler.Compile(ClusterSpec.Build(Blue)));
        Assert.That(work.Read("out/Blue.rules"), Is.EqualTo(expected));
        Assert.That(work.Read("out/Green.rules"), Does.Contain("DNAT --to-destination 10.244.3.7:8080"));
    }

    /// <summary>The same cluster as the Blue class of TestData/dsl/TwoClusters.cs, on the runtime path.</summary>
    private static void Blue(ClusterBuilder cluster) => cluster
        .ClusterCidr("10.0.0.0/8")
        .Service("default/web", svc => svc
            .ClusterIP("10.96.0.10")
            .Port("http", 80, Protocol.Tcp)
            .Endpoints(8080, "10.244.1.5", "10.244.2.6"));

    [Test]
    public void Output_dash_writes_the_script_to_stdout()
    {
        using var work = new Workspace();
        var result = work.Run("generate", "dsl/SeedCluster.cs", "-o", "-");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.StartWith("*filter\n"));
        Assert.That(result.Stdout, Does.Contain("-A KUBE-SVC-N7RVRFO6KG6JK57Y -m statistic --mode random --probability 0.25000000000 -j KUBE-SEP-2ETOGMBR3D5CXS34"));
        Assert.That(Directory.GetFiles(work.Root, "SeedCluster.rules", SearchOption.AllDirectories), Is.Empty, "nothing written with -o -");
    }

    [Test]
    public void Invalid_cidr_is_NATDSL006_at_the_argument_and_exit_code_1()
    {
        using var work = new Workspace();
        var result = work.Run("generate", "dsl/InvalidCidr.cs", "-o", "out");

        var at = SourcePosition.Of(work.Read("dsl/InvalidCidr.cs"), "\"10.254.0.0/33\"");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr.Replace('\\', '/'), Does.StartWith("dsl/InvalidCidr.cs" + at + ": error NATDSL006: "));
        Assert.That(result.Stderr, Does.Contain("settings.clusterCIDR: \"10.254.0.0/33\" is not a CIDR"));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(Directory.Exists(work.PathOf("out")), Is.False, "nothing is written when the definition has errors");
    }

    [Test]
    public void Non_constant_argument_is_NATDSL003_at_the_argument()
    {
        using var work = new Workspace();
        var result = work.Run("generate", "dsl/NonConstant.cs");

        var at = SourcePosition.Of(work.Read("dsl/NonConstant.cs"), "address)");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr.Replace('\\', '/'), Does.Contain("dsl/NonConstant.cs" + at + ": error NATDSL003: "));
    }

    [Test]
    public void Csharp_syntax_errors_are_printed_like_the_compiler_does()
    {
        using var work = new Workspace();
        var result = work.Run("generate", "dsl/SyntaxError.cs");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr.Replace('\\', '/'), Does.Match(@"^dsl/SyntaxError\.cs\(10,\d+\): error CS1002: ; expected"));
    }

    [Test]
    public void Golden_dump_beside_the_source_is_compared_and_a_drift_is_a_NATDSL009_warning()
    {
        using var work = new Workspace();
        var same = work.Run("generate", "dsl/SeedWithGolden.cs", "-o", "out");
        var drifted = work.Run("generate", "dsl/SeedDrifted.cs", "-o", "out");

        Assert.That(same.ExitCode, Is.EqualTo(0), same.ToString());
        Assert.That(same.Stderr, Is.Empty, same.ToString());
        Assert.That(drifted.ExitCode, Is.EqualTo(0), "a warning does not fail the build: " + drifted);
        var at = SourcePosition.Of(work.Read("dsl/SeedDrifted.cs"), "Golden = ");
        Assert.That(drifted.Stderr.Replace('\\', '/'), Does.Contain("dsl/SeedDrifted.cs" + at + ": warning NATDSL009: "));
        Assert.That(drifted.Stderr, Does.Contain("KUBE-SEP-LS5M55Q5SBUJEOD2"), "the endpoint left out of the definition");
        Assert.That(File.Exists(work.PathOf("out/SeedDrifted.rules")), Is.True);
    }

    [Test]
    public void Project_compiles_its_sources_but_not_bin_or_obj()
    {
        using var work = new Workspace();
        work.Write("proj/Cluster.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n</Project>\n");
        work.Write("proj/Clusters/TwoClusters.cs", work.Read("dsl/TwoClusters.cs"));
        work.Write("proj/Helpers.cs", "namespace Clusters;\n\ninternal static class Helpers\n{\n    public static List<string> Names() => new() { \"web\" };\n}\n");
        work.Write("proj/obj/Broken.cs", "this is not C#\n");
        work.Write("proj/bin/Debug/Broken.cs", "neither is this\n");

        var result = work.Run("generate", "proj/Cluster.csproj", "-o", "out");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout.Replace('\\', '/'), Is.EqualTo("out/Blue.rules\nout/Green.rules\n"));
    }

    [Test]
    public void Errors_in_a_project_name_the_file_under_the_project_directory()
    {
        using var work = new Workspace();
        work.Write("proj/Cluster.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        work.Write("proj/Sub/InvalidCidr.cs", work.Read("dsl/InvalidCidr.cs"));

        var result = work.Run("generate", "proj/Cluster.csproj");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr.Replace('\\', '/'), Does.StartWith("proj/Sub/InvalidCidr.cs(9,22): error NATDSL006: "));
    }

    [TestCase("dsl/Missing.cs", "dsl/Missing.cs: no such file")]
    [TestCase("dumps/seed.listing.txt", "expected a C# source file (.cs) or a project (.csproj)")]
    [TestCase("dsl/NoRuleSet.cs", "no [NatRuleSet] class")]
    public void Bad_input_is_exit_code_2_with_one_message(string input, string message)
    {
        using var work = new Workspace();
        var result = work.Run("generate", input);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("natdsl: ").And.Contain(message));
        Assert.That(result.Stderr.Split('\n'), Has.Length.EqualTo(2), "one line: " + result.Stderr);
    }

    [Test]
    public void Missing_argument_is_a_usage_error()
    {
        using var work = new Workspace();
        var result = work.Run("generate");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("natdsl --help"));
    }
}
