using System.Collections.Generic;
using System.IO;
using NatDsl.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Package.Tests;

/// <summary>Fresh projects outside the repository that reference only the NatDsl package.</summary>
[TestFixture]
[Category("Slow")]
public class ConsumerBuildTests
{
    private const string Program =
        "using NatDsl.Formats.Save;\n" +
        "\n" +
        "namespace PackageTests;\n" +
        "\n" +
        "internal static class Program\n" +
        "{\n" +
        "    private static void Main()\n" +
        "    {\n" +
        "        System.Console.Write(PackageCluster.RestoreScript);\n" +
        "        System.Console.Write(\"----\\n\");\n" +
        "        System.Console.Write(SaveRenderer.Render(PackageCluster.RuleSet));\n" +
        "    }\n" +
        "}\n";

    private const string Broken =
        "using NatDsl.Dsl;\n" +
        "using NatDsl.Spec;\n" +
        "\n" +
        "namespace PackageTests;\n" +
        "\n" +
        "[NatRuleSet]\n" +
        "public static partial class BrokenCluster\n" +
        "{\n" +
        "    static void Define(ClusterBuilder cluster) => cluster\n" +
        "        .ClusterCidr(\"10.254.0.0/33\")\n" +
        "        .Service(\"kys/service-test\", svc => svc\n" +
        "            .ClusterIP(\"10.254.82.218\")\n" +
        "            .Port(8088, Protocol.Tcp));\n" +
        "}\n" +
        "\n" +
        "internal static class Program\n" +
        "{\n" +
        "    private static void Main() { }\n" +
        "}\n";

    private static PackageWorkspace Workspace => PackageWorkspace.Current;

    [Test]
    public void A_fresh_project_builds_and_prints_the_script_the_runtime_compiles()
    {
        var project = ConsumerProject.Create(Workspace, "Consumer", new Dictionary<string, string>
        {
            ["PackageCluster.cs"] = ConsumerSources.Read(ConsumerSources.PackageCluster),
            ["Program.cs"] = Program,
        });

        var build = project.Build();
        TestContext.Progress.WriteLine("natdsl package test: consumer build took " + PackageWorkspace.Seconds(build.Elapsed) + " s");
        Assert.That(build.ExitCode, Is.EqualTo(0), build.Transcript);
        var run = project.Run();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Transcript);

        var expected = ExpectedScripts.Of(PackageTests.PackageCluster.Define);
        Assert.That(expected, Does.Contain("*nat\n"));
        Assert.That(run.Output, Is.EqualTo(expected + "----\n" + SaveRenderer.Render(SaveParser.ParseRuleSet(expected))));
        // Without the property, no restore files.
        Assert.That(Directory.Exists(Path.Combine(project.OutputDirectory, "natdsl")), Is.False);
    }

    [Test]
    public void An_invalid_cidr_fails_the_build_with_NATDSL006_at_the_argument()
    {
        var project = ConsumerProject.Create(Workspace, "Broken", new Dictionary<string, string> { ["Program.cs"] = Broken });

        var build = project.Build();
        TestContext.Progress.WriteLine("natdsl package test: invalid consumer build took " + PackageWorkspace.Seconds(build.Elapsed) + " s");

        Assert.That(build.ExitCode, Is.Not.EqualTo(0), build.Transcript);
        var (line, column) = Position(Broken, "\"10.254.0.0/33\"");
        Assert.That(build.Output, Does.Contain("Program.cs(" + line + "," + column + "): error NATDSL006: "), build.Transcript);
        Assert.That(build.Output, Does.Contain("10.254.0.0/33"));
        Assert.That(build.Output, Does.Not.Contain("NATDSL999"));
    }

    /// <summary>1-based line and column of the first occurrence of <paramref name="text"/>.</summary>
    private static (int Line, int Column) Position(string source, string text)
    {
        var index = source.IndexOf(text, System.StringComparison.Ordinal);
        var before = source.Substring(0, index);
        var line = before.Split('\n').Length;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
