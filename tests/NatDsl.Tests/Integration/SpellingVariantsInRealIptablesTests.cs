using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Each shared vector, respelled by <see cref="SpellingMutator"/> (fixed seeds), is restored into
/// real iptables on both backends: iptables must print exactly what it prints for the vector as
/// written (so the respelling is the same rules), and our parser must read the respelled text
/// as the same model it reads from the vector. A spelling iptables reads and we do not, or read
/// otherwise, fails here with the line.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class SpellingVariantsInRealIptablesTests
{
    private const int VariantsPerVector = 3;

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var path in Directory.GetFiles(TestData.PathOf("vectors"), "v*.rules").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            foreach (var backend in new[] { IptablesBackend.Legacy, IptablesBackend.Nft })
            {
                yield return new TestCaseData(name, backend).SetName(name + "." + backend);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void A_respelled_vector_is_the_same_rules_to_iptables_and_to_us(string vector, IptablesBackend backend)
    {
        RealIptables.Require();
        var input = TestData.Read("vectors", vector + ".rules");
        var ipv6 = input.Contains("# family: 6", StringComparison.Ordinal);
        var tables = input.Split('\n').Where(l => l.StartsWith('*')).Select(l => l.Substring(1).Trim()).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
        var (originalRc, originalSaves) = Load(backend, ipv6, input, tables);
        var ours = SaveRenderer.Render(SaveParser.ParseRuleSet(input, vector), new SaveRenderOptions { RuleCounters = true });

        for (var k = 0; k < VariantsPerVector; k++)
        {
            var respelled = SpellingMutator.Mutate(input, new Random(StableSeed(vector, k)));
            var (rc, saves) = Load(backend, ipv6, respelled, tables);
            using (Assert.EnterMultipleScope())
            {
                if (rc != originalRc || !saves.SequenceEqual(originalSaves))
                {
                    Assert.Fail("variant " + k + ": iptables reads another rule set (exit " + rc + " for " + originalRc + ")\n" + Culprits(backend, ipv6, input, respelled, tables, originalRc, originalSaves));
                }
                string oursRespelled;
                try
                {
                    oursRespelled = SaveRenderer.Render(SaveParser.ParseRuleSet(respelled, vector + " variant " + k), new SaveRenderOptions { RuleCounters = true });
                }
                catch (NatDsl.Formats.DumpParseException e)
                {
                    oursRespelled = "parse error: " + e.Message;
                }
                Assert.That(oursRespelled, Is.EqualTo(ours), "variant " + k + ": we read another rule set\n" + Changed(input, respelled));
            }
        }
    }

    /// <summary>The respelled lines that alone make iptables read another rule set, with what it said.</summary>
    private static string Culprits(IptablesBackend backend, bool ipv6, string original, string respelled, List<string> tables, int originalRc, List<string> originalSaves)
    {
        var a = original.Split('\n');
        var b = respelled.Split('\n');
        var found = new List<string>();
        for (var i = 0; i < a.Length && found.Count < 5; i++)
        {
            if (a[i] == b[i]) continue;
            var one = (string[])a.Clone();
            one[i] = b[i];
            using var session = IptablesSession.Open(backend, ipv6);
            var restore = session.Restore(string.Join("\n", one), "-c");
            var saves = restore.ExitCode == 0 ? tables.Select(t => SaveHeaders.MaskTimestamps(session.Save(t, counters: true))).ToList() : new List<string>();
            if (restore.ExitCode != originalRc || !saves.SequenceEqual(originalSaves))
            {
                var printed = string.Join(" | ", saves.SelectMany(x => x.Split('\n')).Where(l => l.Contains(a[i].Split(' ')[1], StringComparison.Ordinal) && l.Contains("-A ", StringComparison.Ordinal)).Take(3));
                found.Add("  " + a[i] + "\n  → " + b[i] + "\n    " + (restore.ExitCode != 0 ? restore.ToString() : "prints: " + printed));
            }
        }
        return found.Count == 0 ? "no single line does it:\n" + Changed(original, respelled) : string.Join("\n", found);
    }

    /// <summary>A seed that does not change between runs (string hashes do).</summary>
    private static int StableSeed(string vector, int k)
    {
        var h = 17;
        foreach (var c in vector) h = unchecked(h * 31 + c);
        return unchecked(h * 8 + k);
    }

    private static (int ExitCode, List<string> Saves) Load(IptablesBackend backend, bool ipv6, string script, List<string> tables)
    {
        using var session = IptablesSession.Open(backend, ipv6);
        var restore = session.Restore(script, "-c");
        var saves = restore.ExitCode == 0 ? tables.Select(t => SaveHeaders.MaskTimestamps(session.Save(t, counters: true))).ToList() : new List<string>();
        return (restore.ExitCode, saves);
    }

    /// <summary>The respelled lines beside the originals, for the failure message.</summary>
    private static string Changed(string original, string respelled)
    {
        var a = original.Split('\n');
        var b = respelled.Split('\n');
        return string.Join("\n", a.Zip(b).Where(p => p.First != p.Second).Select(p => "  " + p.First + "\n  → " + p.Second));
    }
}
