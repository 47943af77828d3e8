using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Formats.Save;

/// <summary>
/// Randomly damaged vector lines (fixed seed): the parsers either throw a DumpParseException or
/// return a model whose rendering parses back to the same model. Nothing else may escape.
/// </summary>
public class MutatedInputTests
{
    private const string Alphabet = " \t\"\\!-:/,.[]=0123456789abcdefxACDGINPRSX+";

    [Test]
    public void Damaged_rule_lines_never_escape_as_other_exceptions()
    {
        var lines = Directory.GetFiles(TestData.PathOf("vectors"), "*.rules")
            .Concat(Directory.GetFiles(TestData.PathOf("vectors", "out"), "*save*"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Where(l => l.StartsWith("-A", StringComparison.Ordinal) || l.StartsWith("[", StringComparison.Ordinal))
            .ToArray();
        var random = new Random(20261126);
        var parsed = 0;
        var rejected = 0;
        for (var i = 0; i < 4000; i++)
        {
            var line = Mutate(lines[random.Next(lines.Length)], random);
            var text = "*nat\n:X - [0:0]\n:KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n" + line + "\nCOMMIT\n";
            try
            {
                var document = SaveParser.Parse(text);
                var rendered = SaveRenderer.Render(document);
                var again = SaveParser.Parse(rendered);
                Assert.That(Normalize(again.RuleSet), Is.EqualTo(Normalize(document.RuleSet)), line);
                Assert.That(SaveRenderer.Render(again), Is.EqualTo(rendered), line);
                parsed++;
            }
            catch (DumpParseException)
            {
                rejected++;
            }

            try
            {
                RulesRenderer.Render(RulesParser.Parse(line, "nat"));
            }
            catch (DumpParseException)
            {
            }
        }
        Assert.That(parsed, Is.GreaterThan(100), "some damaged lines are still valid");
        Assert.That(rejected, Is.GreaterThan(1000), "most damaged lines are rejected");
    }

    private static string Mutate(string line, Random random)
    {
        var chars = new List<char>(line);
        var count = random.Next(1, 4);
        for (var m = 0; m < count; m++)
        {
            var op = random.Next(3);
            var position = chars.Count == 0 ? 0 : random.Next(chars.Count);
            if (op == 0 && chars.Count > 0) chars.RemoveAt(position);
            else if (op == 1) chars.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
            else if (chars.Count > 0) chars[position] = Alphabet[random.Next(Alphabet.Length)];
        }
        return new string(chars.ToArray());
    }

    /// <summary>Unknown counters (null) and [0:0] render alike; compare models with both as zero.</summary>
    private static RuleSet Normalize(RuleSet ruleSet) => ruleSet with
    {
        Tables = ruleSet.Tables.Select(t => t with
        {
            Chains = t.Chains.Select(c => c with
            {
                Counters = c.Counters ?? Counters.Zero,
                Rules = c.Rules.Select(r => r with { Counters = r.Counters ?? Counters.Zero }).ToValueList(),
            }).ToValueList(),
        }).ToValueList(),
    };
}
