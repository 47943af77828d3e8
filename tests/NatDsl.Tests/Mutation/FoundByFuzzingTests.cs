using System.IO;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Tests.Mutation;

/// <summary>Regression tests for what afl-fuzz found (the inputs themselves are in TestData/fuzz-regressions).</summary>
[Category("Mutation")]
public class FoundByFuzzingTests
{
    /// <summary>
    /// afl-fuzz (rules target, 2.7 M executions) found 27 inputs like <c>-N KUBE-SVC\rLBSVC</c>: a lone
    /// carriage return inside a line became part of a chain name or value, which the renderers then
    /// refused to write (InvalidOperationException: a line break would start another restore line).
    /// The parsers now reject a CR left after the <c>\r\n</c> line end is removed, at its column.
    /// </summary>
    [TestCase("-N KUBE-SVC\rLBSVC\n", 1, 12)]
    [TestCase("-P PREROUTING ACCEPT\n-A PREROUTING -j \rMASQUERADE\n", 2, 18)]
    [TestCase("-A PREROUTING -j ACCEPT\r\r\n", 1, 24)]
    public void A_carriage_return_inside_a_rules_line_is_a_located_error(string text, int line, int column)
    {
        var e = Assert.Throws<DumpParseException>(() => RulesParser.Parse(text, "nat", "fuzz"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((line, column)));
        Assert.That(e.Problem, Does.Contain("carriage return"));
    }

    [TestCase("*nat\n:KUBE-SVC\rX - [0:0]\nCOMMIT\n", 2, 10)]
    [TestCase("*nat\n:X - [0:0]\n-A X -m comment --comment \"a\rb\" -j ACCEPT\nCOMMIT\n", 3, 29)]
    [TestCase("*nat\rCOMMIT\n", 1, 5)]
    public void A_carriage_return_inside_a_save_line_is_a_located_error(string text, int line, int column)
    {
        var e = Assert.Throws<DumpParseException>(() => SaveParser.Parse(text, "fuzz"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((line, column)));
        e = Assert.Throws<DumpParseException>(() => SaveParser.Parse(new StringReader(text), "fuzz"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((line, column)));
    }

    [Test]
    public void Crlf_files_and_comment_lines_with_carriage_returns_still_read()
    {
        var document = SaveParser.Parse("# note\r with CR\r\n*nat\r\n:X - [0:0]\r\n-A X -j ACCEPT\r\nCOMMIT\r\n", "crlf");
        Assert.That(document.LineEnding, Is.EqualTo("\r\n"));
        Assert.That(SaveRenderer.Render(document), Is.EqualTo("# note\r with CR\r\n*nat\r\n:PREROUTING ACCEPT [0:0]\r\n:INPUT ACCEPT [0:0]\r\n:OUTPUT ACCEPT [0:0]\r\n:POSTROUTING ACCEPT [0:0]\r\n:X - [0:0]\r\n-A X -j ACCEPT\r\nCOMMIT\r\n"));
        Assert.That(RulesParser.Parse("-N X\r\n-A X -j ACCEPT\r\n", "nat").LineEnding, Is.EqualTo("\r\n"));
    }
}
