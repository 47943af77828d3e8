using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>render(parse(x)) == x, byte for byte, for every real iptables-save and iptables -S output in the vectors.</summary>
public class SaveVectorRoundTripTests
{
    public static IEnumerable<string> SaveFiles() =>
        TestData.VectorOutputs(n => n.Contains(".save-") && n.EndsWith(".txt"));

    public static IEnumerable<string> RulesFiles() =>
        TestData.VectorOutputs(n => n.Contains(".S-") && n.EndsWith(".txt"));

    [Test]
    public void The_vectors_are_there()
    {
        Assert.That(SaveFiles().Count(), Is.EqualTo(44));
        Assert.That(SaveFiles().Count(n => n.Contains(".save-c-")), Is.EqualTo(22));
        Assert.That(RulesFiles().Count(), Is.EqualTo(22));
    }

    [TestCaseSource(nameof(SaveFiles))]
    public void Save_output_round_trips(string file)
    {
        var text = TestData.Vector(file);
        var document = SaveParser.Parse(text, file);
        Assert.That(SaveRenderer.Render(document), Is.EqualTo(text));
    }

    [TestCaseSource(nameof(RulesFiles))]
    public void Rules_output_round_trips(string file)
    {
        var text = TestData.Vector(file);
        var table = file.Substring(file.IndexOf(".S-") + 3).Replace(".txt", string.Empty);
        var document = RulesParser.Parse(text, table, file);
        Assert.That(document.Table.Name, Is.EqualTo(table));
        Assert.That(RulesRenderer.Render(document), Is.EqualTo(text));
    }
}
