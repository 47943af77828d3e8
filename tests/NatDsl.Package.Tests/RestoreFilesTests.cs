using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace NatDsl.Package.Tests;

/// <summary>&lt;NatDslEmitRestoreFiles&gt;true&lt;/NatDslEmitRestoreFiles&gt; in a fresh project that references the package.</summary>
[TestFixture]
[Category("Slow")]
public class RestoreFilesTests
{
    private const string Program =
        "namespace PackageTests;\n" +
        "\n" +
        "internal static class Program\n" +
        "{\n" +
        "    private static void Main() => System.Console.Write(PackageCluster.RestoreScript);\n" +
        "}\n";

    [Test]
    public void Every_rule_set_class_gets_its_restore_file_after_build()
    {
        var project = ConsumerProject.Create(PackageWorkspace.Current, "CiRules", new Dictionary<string, string>
        {
            ["PackageCluster.cs"] = ConsumerSources.Read(ConsumerSources.PackageCluster),
            ["NodeClusters.cs"] = ConsumerSources.Read(ConsumerSources.NodeClusters),
            ["Program.cs"] = Program,
        }, "    <NatDslEmitRestoreFiles>true</NatDslEmitRestoreFiles>\n");
        var folder = Path.Combine(project.OutputDirectory, "natdsl");
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, "Renamed.rules");
        File.WriteAllText(stale, "*nat\nCOMMIT\n");

        var build = project.Build();
        TestContext.Progress.WriteLine("natdsl package test: restore-files consumer build took " + PackageWorkspace.Seconds(build.Elapsed) + " s");

        Assert.That(build.ExitCode, Is.EqualTo(0), build.Transcript);
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal), Is.EqualTo(new[]
        {
            "PackageCluster.rules",
            "PackageTests.Alpha.Node.rules",
            "PackageTests.Beta.Node.rules",
        }), "one file per [NatRuleSet] class; same-named classes by full name; the stale file removed");
        Assert.That(Read(folder, "PackageCluster.rules"), Is.EqualTo(ExpectedScripts.Of(PackageTests.PackageCluster.Define)));
        Assert.That(Read(folder, "PackageTests.Alpha.Node.rules"), Is.EqualTo(ExpectedScripts.Of(PackageTests.Alpha.Node.Define)));
        Assert.That(Read(folder, "PackageTests.Beta.Node.rules"), Is.EqualTo(ExpectedScripts.Of(PackageTests.Beta.Node.Define)));
        Assert.That(Read(folder, "PackageTests.Alpha.Node.rules"), Is.Not.EqualTo(Read(folder, "PackageTests.Beta.Node.rules")));

        // The file is what the program's generated constant holds, byte for byte.
        var run = project.Run();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Transcript);
        Assert.That(Read(folder, "PackageCluster.rules"), Is.EqualTo(run.Output));
    }

    private static string Read(string folder, string name) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, name)));
}
