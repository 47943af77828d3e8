using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NatDsl.Generator.Diagnostics;
using NUnit.Framework;

namespace NatDsl.Generator.Tests;

/// <summary>Every diagnostic is documented (docs/diagnostics.md) and release-tracked, with a help link to its section.</summary>
public sealed class DescriptorDocumentationTests
{
    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

    private static string Repository([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    [Test]
    public void Ids_are_unique_and_numbered()
    {
        var ids = Descriptors().Select(d => d.Id).ToList();

        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.All.Matches<string>(id => System.Text.RegularExpressions.Regex.IsMatch(id!, "^NATDSL[0-9]{3}$")));
    }

    [Test]
    public void Each_id_has_a_section_with_an_example_and_a_release_entry()
    {
        var docs = File.ReadAllText(Path.Combine(Repository(), "docs", "diagnostics.md"));
        var releases = File.ReadAllText(Path.Combine(Repository(), "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors())
        {
            var anchor = descriptor.Id.ToLowerInvariant();
            Assert.That(descriptor.HelpLinkUri, Is.EqualTo("docs/diagnostics.md#" + anchor));
            Assert.That(docs, Does.Contain("<a id=\"" + anchor + "\"></a>\n## " + descriptor.Id + ": "));
            var section = docs.Substring(docs.IndexOf("<a id=\"" + anchor + "\">", System.StringComparison.Ordinal));
            var next = section.IndexOf("<a id=", 5, System.StringComparison.Ordinal);
            if (next > 0) section = section.Substring(0, next);
            Assert.That(section, Does.Contain("```"), descriptor.Id + " has an example");
            Assert.That(releases, Does.Contain(descriptor.Id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity));
        }
    }
}
