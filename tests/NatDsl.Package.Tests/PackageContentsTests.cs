using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using NUnit.Framework;

namespace NatDsl.Package.Tests;

/// <summary>What `dotnet pack src/Runtime` put into the NatDsl package.</summary>
[TestFixture]
[Category("Slow")]
public class PackageContentsTests
{
    private static PackageWorkspace Workspace => PackageWorkspace.Current;

    [Test]
    public void The_package_holds_runtime_generator_targets_restore_file_program_and_readme()
    {
        var files = Workspace.PackageEntries()
            .Where(e => !e.StartsWith("_rels/", System.StringComparison.Ordinal) && !e.StartsWith("package/", System.StringComparison.Ordinal) && e != "[Content_Types].xml");

        Assert.That(files, Is.EqualTo(new[]
        {
            "NatDsl.nuspec",
            "README.md",
            "analyzers/dotnet/cs/NatDsl.Generator.dll",
            "analyzers/dotnet/cs/NatDsl.dll",
            "build/NatDsl.targets",
            "lib/net10.0/NatDsl.dll",
            "lib/net10.0/NatDsl.xml",
            "lib/netstandard2.0/NatDsl.dll",
            "lib/netstandard2.0/NatDsl.xml",
            "tools/net10.0/NatDsl.RestoreFiles.dll",
            "tools/net10.0/NatDsl.RestoreFiles.runtimeconfig.json",
        }));
    }

    [Test]
    public void The_generator_runs_on_the_netstandard2_0_runtime_of_the_same_build()
    {
        using var archive = ZipFile.OpenRead(Workspace.PackagePath);
        Assert.That(Bytes(archive, "analyzers/dotnet/cs/NatDsl.dll"), Is.EqualTo(Bytes(archive, "lib/netstandard2.0/NatDsl.dll")));
        Assert.That(Bytes(archive, "lib/net10.0/NatDsl.dll"), Is.Not.EqualTo(Bytes(archive, "lib/netstandard2.0/NatDsl.dll")));
    }

    [Test]
    public void The_nuspec_names_id_version_license_and_readme_and_no_dependencies()
    {
        var nuspec = XDocument.Parse(Workspace.PackageText("NatDsl.nuspec"));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.That(metadata.Element(ns + "id")!.Value, Is.EqualTo("NatDsl"));
        Assert.That(metadata.Element(ns + "version")!.Value, Is.EqualTo(Workspace.Version));
        Assert.That(metadata.Element(ns + "license")!.Attribute("type")!.Value, Is.EqualTo("expression"));
        Assert.That(metadata.Element(ns + "license")!.Value, Is.EqualTo("MIT"));
        Assert.That(metadata.Element(ns + "readme")!.Value, Is.EqualTo("README.md"));
        Assert.That(metadata.Element(ns + "description")!.Value, Is.Not.Empty);
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();
        Assert.That(groups.Select(g => g.Attribute("targetFramework")!.Value), Is.EquivalentTo(new[] { "net10.0", ".NETStandard2.0" }));
        Assert.That(groups.SelectMany(g => g.Elements()), Is.Empty, "the runtime has no package dependencies");
    }

    [Test]
    public void The_readme_is_the_repository_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"), new UTF8Encoding(false));
        Assert.That(Workspace.PackageText("README.md"), Is.EqualTo(readme));
    }

    [Test]
    public void The_version_packed_is_the_csproj_version_with_a_test_suffix()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "Runtime", "NatDsl.csproj"));
        var version = project.Descendants("Version").Single().Value;
        Assert.That(version, Is.EqualTo("0.1.0"));
        Assert.That(Workspace.Version, Does.StartWith(version + "-test."));
    }

    private static byte[] Bytes(ZipArchive archive, string entry)
    {
        using var stream = archive.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
