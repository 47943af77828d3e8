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
    private const int VariantsPerVector = 6;

    private const int VariantsPerSpelling = 2;

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
        var (originalRc, originalSaves, _) = Load(backend, ipv6, input, tables);
        var ours = SaveRenderer.Render(SaveParser.ParseRuleSet(input, vector), new SaveRenderOptions { RuleCounters = true });

        for (var k = 0; k < VariantsPerVector; k++)
        {
            var respelled = SpellingMutator.Mutate(input, new Random(StableSeed(vector, k)));
            var (rc, saves, _) = Load(backend, ipv6, respelled, tables);
            string oursRespelled;
            var weRefuse = false;
            try
            {
                oursRespelled = SaveRenderer.Render(SaveParser.ParseRuleSet(respelled, vector + " variant " + k), new SaveRenderOptions { RuleCounters = true });
            }
            catch (NatDsl.Formats.DumpParseException e)
            {
                oursRespelled = "parse error: " + e.Message;
                weRefuse = true;
            }
            using (Assert.EnterMultipleScope())
            {
                if (rc != 0 && originalRc != 0)
                {
                    // iptables refuses both (a kernel quirk on the original, e.g. on nft): we must
                    // refuse the variant or read it as the original.
                    if (!weRefuse && oursRespelled != ours) Assert.Fail("variant " + k + ": iptables refuses both, we read the variant otherwise\n" + TextAssert.Describe(ours, oursRespelled));
                    continue;
                }
                if (rc != 0 && originalRc == 0)
                {
                    // iptables refuses the variant (an ambiguous abbreviation): so must we.
                    if (!weRefuse) Assert.Fail("variant " + k + ": iptables refuses it, we read it\n" + Culprits(backend, ipv6, input, respelled, tables, originalRc, originalSaves));
                    continue;
                }
                if (rc != originalRc || !saves.SequenceEqual(originalSaves))
                {
                    Assert.Fail("variant " + k + ": iptables reads another rule set (exit " + rc + " for " + originalRc + ")\n" + Culprits(backend, ipv6, input, respelled, tables, originalRc, originalSaves)
                        + "\nwe: " + (weRefuse ? oursRespelled : "read it"));
                }
                if (oursRespelled != ours) Assert.Fail("variant " + k + ": we read another rule set\n" + TextAssert.Describe(ours, oursRespelled) + "\n" + Changed(input, respelled));
            }
        }
    }

    public static IEnumerable<TestCaseData> SpellingGroups()
    {
        foreach (var backend in new[] { IptablesBackend.Legacy, IptablesBackend.Nft })
        {
            foreach (var name in ExtensionSpellingsInRealIptablesTests.MethodNames) yield return new TestCaseData(name, backend).SetName("Spellings_" + name + "." + backend);
        }
    }

    /// <summary>
    /// The canonical lines of the spelling tests, respelled: iptables prints for each variant what
    /// it prints for the line (or refuses both), and we read the variant as we read the line (or
    /// refuse it exactly when iptables does).
    /// </summary>
    [TestCaseSource(nameof(SpellingGroups))]
    public void A_respelled_canonical_line_is_the_same_rule_to_iptables_and_to_us(string method, IptablesBackend backend)
    {
        RealIptables.Require();
        var (table, family) = ExtensionSpellingsInRealIptablesTests.TableOf(method);
        using var session = IptablesSession.Open(backend, family == IpFamily.V6);
        ExtensionSpellingsInRealIptablesTests.Prepare(session, method);
        var failures = new List<string>();
        var compared = 0;
        foreach (var (input, canonical) in ExtensionSpellingsInRealIptablesTests.Cases(method))
        {
            if (ExtensionSpellingsInRealIptablesTests.CannotLoadOn(input, backend)) continue;
            var original = ExtensionSpellingsInRealIptablesTests.Script(table, canonical);
            var (originalRc, originalSave) = LoadOne(session, original, table);
            var ours = Ours(original, family);
            for (var k = 0; k < VariantsPerSpelling; k++)
            {
                var variant = SpellingMutator.MutateRule(canonical, new Random(StableSeed(canonical, k)));
                if (variant == canonical) continue;
                compared++;
                var (rc, save) = LoadOne(session, ExtensionSpellingsInRealIptablesTests.Script(table, variant), table);
                var oursVariant = Ours(ExtensionSpellingsInRealIptablesTests.Script(table, variant), family);
                var refusedByIptables = rc != 0 && originalRc == 0;
                if (refusedByIptables ? !IsRefusal(oursVariant) : rc != originalRc || save != originalSave)
                {
                    failures.Add(canonical + "\n  → " + variant + "\n    iptables: " + (rc != 0 ? "refuses" : save.Trim()) + "\n    we:       " + oursVariant.Trim());
                }
                else if (!refusedByIptables && oursVariant != ours && !(IsRefusal(ours) && IsRefusal(oursVariant)))
                {
                    failures.Add(canonical + "\n  → " + variant + "\n    we read:  " + oursVariant.Trim() + "\n    not:      " + ours.Trim());
                }
            }
        }
        Assert.That(compared, Is.GreaterThan(0));
        Assert.That(failures, Is.Empty, failures.Count + " of " + compared + " respellings differ:\n" + string.Join("\n", failures));
    }

    private static bool IsRefusal(string ours) => ours.StartsWith("parse error", StringComparison.Ordinal);

    private static (int ExitCode, string Rules) LoadOne(IptablesSession session, string script, string table)
    {
        var restore = session.Restore(script);
        if (restore.ExitCode != 0) return (restore.ExitCode, string.Empty);
        return (0, string.Join("\n", session.Save(table).Split('\n').Where(l => l.StartsWith("-A ", StringComparison.Ordinal))));
    }

    private static string Ours(string script, IpFamily family)
    {
        try
        {
            var table = SaveParser.ParseRuleSet(script, "spelling", new SaveParseOptions { Family = family }).Tables[0];
            return string.Join("\n", SaveRenderer.RenderTable(table).Split('\n').Where(l => l.StartsWith("-A ", StringComparison.Ordinal)));
        }
        catch (NatDsl.Formats.DumpParseException e)
        {
            return "parse error: " + e.Message;
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
            var (rc, saves, said) = Load(backend, ipv6, string.Join("\n", one), tables);
            if (rc != originalRc || !saves.SequenceEqual(originalSaves))
            {
                var printed = string.Join(" | ", saves.SelectMany(x => x.Split('\n')).Where(l => l.Contains(a[i].Split(' ')[1], StringComparison.Ordinal) && l.Contains("-A ", StringComparison.Ordinal)).Take(3));
                found.Add("  " + a[i] + "\n  → " + b[i] + "\n    " + (rc != 0 ? said : "prints: " + printed));
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

    /// <summary>Restores <paramref name="script"/> with counters in a fresh namespace: the exit code, each table saved, what the restore said.</summary>
    private static (int ExitCode, List<string> Saves, string Said) Load(IptablesBackend backend, bool ipv6, string script, List<string> tables)
    {
        using var session = IptablesSession.Open(backend, ipv6);
        var restore = session.Restore(script, "-c");
        var saves = restore.ExitCode == 0 ? tables.Select(t => SaveHeaders.MaskTimestamps(session.Save(t, counters: true))).ToList() : new List<string>();
        return (restore.ExitCode, saves, restore.ToString());
    }

    /// <summary>The respelled lines beside the originals, for the failure message.</summary>
    private static string Changed(string original, string respelled)
    {
        var a = original.Split('\n');
        var b = respelled.Split('\n');
        return string.Join("\n", a.Zip(b).Where(p => p.First != p.Second).Select(p => "  " + p.First + "\n  → " + p.Second));
    }
}
