using System.Linq;
using NUnit.Framework;

namespace NatDsl.Generator.Tests.Snapshots;

public sealed class UnifiedDiffTests
{
    [Test]
    public void Renders_a_changed_line_with_context_and_hunk_header()
    {
        var expected = "a\nb\nc\nd\ne\nf\ng\nh\n";
        var actual = "a\nb\nc\nd\nE\nf\ng\nh\n";

        var diff = UnifiedDiff.Render(expected, actual, 200);

        Assert.That(diff, Is.EqualTo("--- verified\n+++ received\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h"));
    }

    [Test]
    public void Whitespace_differences_are_shown()
    {
        var diff = UnifiedDiff.Render("a\n  b\n", "a\nb\n", 200);

        Assert.That(diff, Does.Contain("-  b").And.Contain("+b"));
    }

    [Test]
    public void Long_diffs_are_cut()
    {
        var expected = string.Join("\n", System.Linq.Enumerable.Range(0, 500).Select(i => "x" + i));
        var actual = string.Join("\n", System.Linq.Enumerable.Range(0, 500).Select(i => "y" + i));

        var diff = UnifiedDiff.Render(expected, actual, 50);

        Assert.That(diff.Split('\n'), Has.Length.EqualTo(51));
        Assert.That(diff, Does.EndWith("more diff lines"));
    }

    [Test]
    public void Normalize_scrubs_version_line_ends_and_bom()
    {
        var text = "\uFEFF[global::System.CodeDom.Compiler.GeneratedCode(\"NatDsl.Generator\", \"1.2.3.4\")]\r\nx\r\n";

        Assert.That(SnapshotAssert.Normalize(text), Is.EqualTo("[global::System.CodeDom.Compiler.GeneratedCode(\"NatDsl.Generator\", \"%VERSION%\")]\nx\n"));
    }
}
