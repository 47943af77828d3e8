using System.IO;
using NatDsl.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Cli.EndToEnd.Tests;

/// <summary><c>natdsl generate --from-kubernetes</c> as a process: flags, stdin, -o, self-contained, errors.</summary>
public class GenerateFromKubernetesTests
{
    [Test]
    public void Writes_kube_proxys_script_for_one_node_to_stdout()
    {
        using var work = new Workspace();
        var result = Cli.Run(work.Root, null, "generate", "--from-kubernetes", "kubernetes/cluster.list.yaml",
            "--hostname-override", "node1", "--node-ip", "10.0.0.11", "--cluster-cidr", "10.244.0.0/16");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var rules = SaveParser.ParseRuleSet(result.Stdout, "stdout");
        Assert.That(rules.FindTable("nat")?.FindChain("KUBE-SERVICES")?.Rules.Count, Is.GreaterThan(3));
        Assert.That(result.Stdout, Does.Not.Contain(":PREROUTING"), "kube-proxy's --noflush input declares only its own chains");
        Assert.That(result.Stderr, Does.Contain("ignored as kube-proxy would"));
    }

    [Test]
    public void Reads_stdin_and_writes_a_self_contained_file_atomically()
    {
        using var work = new Workspace();
        var yaml = File.ReadAllText(work.PathOf("kubernetes/cluster.list.yaml"));
        var result = Cli.Run(work.Root, yaml, "generate", "--from-kubernetes", "-", "--hostname-override", "node1",
            "--node-ip", "10.0.0.11", "--self-contained", "--verbose", "-o", "out/node1.rules");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.Contain("skipped <stdin>:").And.Contain("ExternalName"));
        var rules = SaveParser.ParseRuleSet(File.ReadAllText(work.PathOf("out/node1.rules")), "node1.rules");
        Assert.That(rules.FindTable("nat")?.FindChain("PREROUTING")?.Rules, Is.Not.Empty, "self-contained: the hook rules are there");
        Assert.That(Directory.GetFiles(work.PathOf("out")), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [TestCase("--ip-family", "5", "--ip-family")]
    [TestCase("--node-ip", "10.0.0.300", "10.0.0.300")]
    public void Bad_flags_are_exit_2_with_one_message(string flag, string value, string mentioned)
    {
        using var work = new Workspace();
        var result = Cli.Run(work.Root, null, "generate", "--from-kubernetes", "kubernetes/cluster.list.yaml", flag, value);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain(mentioned));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void Malformed_yaml_names_the_line()
    {
        using var work = new Workspace();
        File.WriteAllText(work.PathOf("bad.yaml"), "apiVersion: v1\nkind: List\nitems:\n  - [unclosed\n    kind: Service\n");
        var result = Cli.Run(work.Root, null, "generate", "--from-kubernetes", "bad.yaml");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Match(@"bad\.yaml:\d+:\d+"));
    }

    [Test]
    public void A_dsl_input_and_from_kubernetes_together_are_a_usage_error()
    {
        using var work = new Workspace();
        var result = Cli.Run(work.Root, null, "generate", "x.cs", "--from-kubernetes", "kubernetes/cluster.list.yaml");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("not both"));
    }
}
