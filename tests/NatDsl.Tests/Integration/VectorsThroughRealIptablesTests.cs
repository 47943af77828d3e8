using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Our formats against real iptables 1.8.9: every vector is parsed by our <see cref="SaveParser"/>,
/// rendered by our <see cref="SaveRenderer"/> (with counters), loaded with
/// <c>&lt;backend&gt;-restore -c</c> into a fresh namespace and read back six ways per table; each
/// output must equal our rendering of the same model. The backend quirks of
/// iptables-formats.md §5 are asserted where a vector meets them.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class VectorsThroughRealIptablesTests
{
    /// <summary>The quirks each vector must meet on each backend; any other pair meets none.</summary>
    private static readonly Dictionary<(string, IptablesBackend), Iptables189Quirk[]> ExpectedQuirks = new()
    {
        [("v2-kube-full", IptablesBackend.Nft)] = new[] { Iptables189Quirk.NftRewritesInvertedLowPortRange },
        [("v4-columns-and-extensions", IptablesBackend.Legacy)] = new[] { Iptables189Quirk.LegacyDropsInvertedWildcardInterface },
        [("v5-ip6-nat", IptablesBackend.Nft)] = new[] { Iptables189Quirk.Ip6NftIgnoresRestoreCounters },
        [("v7-backend-quirks", IptablesBackend.Legacy)] = new[] { Iptables189Quirk.LegacyDropsInvertedWildcardInterface },
        [("v7-backend-quirks", IptablesBackend.Nft)] = new[] { Iptables189Quirk.NftRejectsInvertedAnyAddress },
    };

    /// <summary>The extensions our model keeps untyped, per vector: their text is compared as a wildcard.</summary>
    private static readonly Dictionary<string, string[]> ExpectedUntyped = new()
    {
        ["v4-columns-and-extensions"] = new[] { "-j CONNMARK" },
    };

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
    public void Real_iptables_prints_our_rendering_of_the_vector(string vector, IptablesBackend backend)
    {
        RealIptables.Require();
        var input = TestData.Read("vectors", vector + ".rules");
        var ipv6 = input.Contains("# family: 6", StringComparison.Ordinal);
        var model = SaveParser.ParseRuleSet(input, vector + ".rules");
        Assert.That(model.Family, Is.EqualTo(ipv6 ? IpFamily.V6 : IpFamily.V4), "family read by our parser");

        Assert.That(UnknownExtensionText.Names(model), Is.EqualTo(ExpectedUntyped.TryGetValue(vector, out var u) ? u : Array.Empty<string>()), "extensions our model keeps untyped");

        var quirks = Iptables189Quirks.Affecting(model, backend);
        Assert.That(quirks, Is.EqualTo(ExpectedQuirks.TryGetValue((vector, backend), out var q) ? q : Array.Empty<Iptables189Quirk>()), "documented quirks this vector meets");

        using var session = IptablesSession.Open(backend, ipv6);
        var tables = model.Tables.Select(t => t.Name).ToList();
        if (quirks.Contains(Iptables189Quirk.NftRejectsInvertedAnyAddress))
        {
            AssertNftRejectsTheBatch(session, model, tables);
            model = Iptables189Quirks.WithoutNftRejected(model);
        }

        session.RestoreOrThrow(SaveRenderer.Render(model, new SaveRenderOptions { RuleCounters = true }), "-c");
        var loaded = UnknownExtensionText.Masked(Iptables189Quirks.Loaded(model, backend));
        var outputs = RealReadbacks.Read(session, tables, RealReadbacks.All);

        using (Assert.EnterMultipleScope())
        {
            foreach (var table in tables)
            {
                foreach (var readback in RealReadbacks.All)
                {
                    var actual = OurRendering.Comparable(readback, outputs[(table, readback)]);
                    TextAssert.Matches(OurRendering.Expected(readback, backend, loaded, table), actual, vector + " " + table + " " + readback);
                }
            }
            AssertQuirksAreVisible(quirks, backend, UnknownExtensionText.Masked(model), outputs, tables);
        }
    }

    /// <summary>nft rejects the whole batch: exit code 4, the documented message, nothing loaded.</summary>
    private static void AssertNftRejectsTheBatch(IptablesSession session, RuleSet model, List<string> tables)
    {
        var rejected = session.Restore(SaveRenderer.Render(model, new SaveRenderOptions { RuleCounters = true }), "-c");
        Assert.That(rejected.ExitCode, Is.EqualTo(4), "iptables-nft-restore rejects ! -s 0.0.0.0/0: " + rejected);
        Assert.That(rejected.StandardError, Does.Contain("RULE_APPEND failed (Invalid argument)"));
        var untouched = model with { Tables = model.Tables.Select(Iptables189Quirks.Untouched).ToValueList() };
        var outputs = RealReadbacks.Read(session, tables, Readback.SaveWithCounters);
        foreach (var table in tables)
        {
            TextAssert.AreEqual(OurRendering.Expected(Readback.SaveWithCounters, IptablesBackend.Nft, untouched, table),
                OurRendering.Comparable(Readback.SaveWithCounters, outputs[(table, Readback.SaveWithCounters)]), table + " after the rejected batch");
        }
    }

    /// <summary>Each quirk shows: the real output differs from a rendering that ignores it.</summary>
    private static void AssertQuirksAreVisible(IReadOnlyList<Iptables189Quirk> quirks, IptablesBackend backend, RuleSet model,
        IReadOnlyDictionary<(string Table, Readback Readback), string> outputs, List<string> tables)
    {
        foreach (var quirk in quirks)
        {
            if (quirk == Iptables189Quirk.NftRejectsInvertedAnyAddress) continue; // asserted by the rejected restore
            var visible = false;
            foreach (var table in tables)
            {
                var readback = quirk == Iptables189Quirk.LegacyDropsInvertedWildcardInterface ? Readback.Rules : Readback.SaveWithCounters;
                var ignoring = quirk == Iptables189Quirk.LegacyDropsInvertedWildcardInterface
                    ? RulesRenderer.Render(model.FindTable(table)!)
                    : OurRendering.Expected(readback, backend, model, table);
                visible |= !TextAssert.IsMatch(ignoring, OurRendering.Comparable(readback, outputs[(table, readback)]));
            }
            Assert.That(visible, Is.True, quirk + " is visible in the real output");
        }
    }
}
