using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Mutation;

/// <summary>Replays every input kept from fuzzing (TestData/fuzz-regressions): parsed or rejected with a location, nothing else.</summary>
[Category("Mutation")]
public class FuzzRegressionTests
{
    public static IEnumerable<TestCaseData> Files() =>
        Directory.GetFiles(TestData.PathOf("fuzz-regressions"))
            .Select(Path.GetFileName)
            .Where(n => n is not null && !n.StartsWith("README", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new TestCaseData(n).SetName("Fuzz_input_" + n!.Replace('.', '_').Replace('-', '_')));

    [TestCaseSource(nameof(Files))]
    public void Fuzz_input_parses_or_fails_located(string file)
    {
        var target = file.Substring(0, file.IndexOf('-'));
        var kind = target switch
        {
            "save" => DumpKind.Save,
            "listing" => DumpKind.Listing,
            "rules" => DumpKind.Rules,
            _ => throw new AssertionException("unknown fuzz target in " + file),
        };
        var bytes = File.ReadAllBytes(TestData.PathOf("fuzz-regressions", file));
        var text = CliDecoding.Decode(bytes);
        var result = GuardedParser.Run(kind, "nat", IpFamily.V4, text, TimeSpan.FromSeconds(10), (64L << 20) + (300L * text.Length));
        Assert.That(result.Outcome, Is.Not.EqualTo(ParseOutcome.Broken), result.Problem);
    }

    [Test]
    public void Every_target_has_kept_inputs()
    {
        var names = Files().Select(c => (string)c.Arguments[0]!).ToList();
        foreach (var target in new[] { "save-", "listing-", "rules-" }) Assert.That(names.Count(n => n.StartsWith(target, StringComparison.Ordinal)), Is.GreaterThan(0), target);
    }
}
