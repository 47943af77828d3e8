using System;
using System.IO;
using System.Linq;
using System.Text;
using NatDsl.RestoreFiles;
using NUnit.Framework;

namespace NatDsl.RestoreFiles.Tests;

/// <summary>The restore-file program's writer: file names, stale files, unchanged files (fast, no build).</summary>
public class RestoreFileWriterTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "natdsl-restorefiles-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Class_names_are_file_names_unless_two_classes_share_one()
    {
        var names = RestoreFileWriter.FileNames(new[]
        {
            new RuleSetScript("A.Edge", "Edge", "e"),
            new RuleSetScript("A.Node", "Node", "a"),
            new RuleSetScript("B.Outer.Node", "Node", "b"),
            new RuleSetScript("Seed", "Seed", "s"),
        }).Select(n => n.FileName);

        Assert.That(names, Is.EqualTo(new[] { "Edge.rules", "A.Node.rules", "B.Outer.Node.rules", "Seed.rules" }));
    }

    [Test]
    public void Names_differing_only_in_case_also_use_full_names()
    {
        // A case-insensitive file system would otherwise let one overwrite the other.
        var names = RestoreFileWriter.FileNames(new[] { new RuleSetScript("A.node", "node", "a"), new RuleSetScript("B.Node", "Node", "b") });

        Assert.That(names.Select(n => n.FileName), Is.EqualTo(new[] { "A.node.rules", "B.Node.rules" }));
    }

    [Test]
    public void Files_hold_the_scripts_as_utf8_without_bom_and_stale_files_go()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "Old.rules"), "x");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "kept");

        var written = RestoreFileWriter.Write(new[] { new RuleSetScript("Seed", "Seed", "*nat\n-A X -m comment --comment \"é\"\nCOMMIT\n") }, _folder);

        Assert.That(written, Is.EqualTo(new[] { Path.Combine(_folder, "Seed.rules") }));
        Assert.That(File.ReadAllBytes(written[0]), Is.EqualTo(new UTF8Encoding(false).GetBytes("*nat\n-A X -m comment --comment \"é\"\nCOMMIT\n")));
        Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal), Is.EqualTo(new[] { "Seed.rules", "notes.txt" }));
    }

    [Test]
    public void An_unchanged_file_is_not_rewritten()
    {
        var scripts = new[] { new RuleSetScript("Seed", "Seed", "*nat\nCOMMIT\n") };
        var path = RestoreFileWriter.Write(scripts, _folder)[0];
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        RestoreFileWriter.Write(scripts, _folder);
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(stamp));

        RestoreFileWriter.Write(new[] { new RuleSetScript("Seed", "Seed", "*filter\nCOMMIT\n") }, _folder);
        Assert.That(File.GetLastWriteTimeUtc(path), Is.Not.EqualTo(stamp));
        Assert.That(File.ReadAllText(path), Is.EqualTo("*filter\nCOMMIT\n"));
    }

    [Test]
    public void No_rule_sets_write_nothing_and_clear_the_folder()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "Old.rules"), "x");

        Assert.That(RestoreFileWriter.Write(Array.Empty<RuleSetScript>(), _folder), Is.Empty);
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
    }
}
