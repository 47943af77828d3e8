using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Tests.Formats.Save;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Every spelling case of <see cref="ExtensionSaveTextTests"/> (an input rule and the line
/// iptables-save prints for it) is restored as written into real iptables, on both backends: the
/// legacy backend must print exactly the expected line, which keeps those hand-recorded
/// expectations honest, and nft must print our rendering of what nft stores
/// (<see cref="Iptables189Quirks"/>); on both, <c>iptables -L -v -n</c> and <c>-S</c> must print our listing and rules.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class ExtensionSpellingsInRealIptablesTests
{
    /// <summary>The table and family each spelling test of the class parses in.</summary>
    private static readonly Dictionary<string, (string Table, IpFamily Family)> Methods = new(StringComparer.Ordinal)
    {
        ["Tcp_udp_sctp"] = ("filter", IpFamily.V4),
        ["Multiport"] = ("filter", IpFamily.V4),
        ["Mark_and_MARK"] = ("mangle", IpFamily.V4),
        ["Addrtype"] = ("filter", IpFamily.V4),
        ["Statistic"] = ("filter", IpFamily.V4),
        ["Recent"] = ("filter", IpFamily.V4),
        ["Conntrack_and_state"] = ("filter", IpFamily.V4),
        ["Conntrack_addresses_keep_host_bits"] = ("filter", IpFamily.V4),
        ["Conntrack_ipv6_addresses_keep_host_bits"] = ("filter", IpFamily.V6),
        ["Physdev"] = ("filter", IpFamily.V4),
        ["Set"] = ("filter", IpFamily.V4),
        ["Icmp"] = ("filter", IpFamily.V4),
        ["Icmp6"] = ("filter", IpFamily.V6),
        ["Nat_targets"] = ("nat", IpFamily.V4),
        ["Nat_targets_ipv6"] = ("nat", IpFamily.V6),
        ["Reject_aliases_print_canonical"] = ("filter", IpFamily.V4),
        ["Reject_ipv6"] = ("filter", IpFamily.V6),
        ["Log"] = ("filter", IpFamily.V4),
        ["Generic_options"] = ("filter", IpFamily.V4),
    };

    /// <summary>
    /// What iptables-nft 1.8.9 prints where it translates tcp matches to native expressions and
    /// reads them back otherwise (<see cref="Iptables189Quirk.NftTranslatesTcpMatches"/>): an
    /// inverted flags test with mask NONE and an inverted full port range vanish with their match,
    /// and two tcp matches of ports merge into one. Observed, asserted, not modelled.
    /// </summary>
    private static readonly Dictionary<string, string> NftPrints = new(StringComparer.Ordinal)
    {
        ["-A INPUT -p tcp -m tcp ! --dport 0:65535 -j ACCEPT"] = "-A INPUT -p tcp -j ACCEPT",
        ["-A INPUT -p tcp -m tcp ! --tcp-flags NONE NONE -j ACCEPT"] = "-A INPUT -p tcp -j ACCEPT",
        ["-A INPUT -p tcp -m tcp --dport 80 -m tcp --sport 90 -j ACCEPT"] = "-A INPUT -p tcp -m tcp --sport 90 --dport 80 -j ACCEPT",
    };

    /// <summary>Spellings this machine cannot load on a backend, and why.</summary>
    private static readonly Dictionary<(string Input, IptablesBackend Backend), string> CannotLoad = new()
    {
        [("-A INPUT -j QUEUE", IptablesBackend.Nft)] = "the kernel here has no nft queue expression (RULE_APPEND failed (No such file or directory))",
    };

    private const string WildcardInInterface = "-A INPUT -i + -j ACCEPT";

    /// <summary>The ipsets the set match spellings name (ipset is installed by .ci/run).</summary>
    private static readonly string[][] Ipsets = { new[] { "KUBE-X", "hash:ip" }, new[] { "s", "hash:ip,port,ip" } };

    /// <summary>The spelling tests checked here.</summary>
    public static IEnumerable<string> MethodNames => Methods.Keys;

    /// <summary>The table and family a spelling test parses in.</summary>
    public static (string Table, IpFamily Family) TableOf(string method) => Methods[method];

    /// <summary>Whether this machine cannot load <paramref name="input"/> on <paramref name="backend"/>.</summary>
    public static bool CannotLoadOn(string input, IptablesBackend backend) => CannotLoad.ContainsKey((input, backend));

    /// <summary>Creates what a spelling test's rules refer to (the ipsets of the set match).</summary>
    public static void Prepare(IptablesSession session, string method)
    {
        if (method != "Set") return;
        foreach (var set in Ipsets)
        {
            var created = session.Namespace.Exec("ipset", "create", set[0], set[1]);
            Assert.That(created.ExitCode, Is.Zero, "ipset create " + string.Join(" ", set) + ": " + created);
        }
    }

    public static IEnumerable<TestCaseData> Groups()
    {
        foreach (var backend in new[] { IptablesBackend.Legacy, IptablesBackend.Nft })
        {
            foreach (var name in Methods.Keys) yield return new TestCaseData(name, backend).SetName(name + "." + backend);
        }
    }

    [Test]
    public void Every_spelling_test_is_checked_here()
    {
        var spellingTests = typeof(ExtensionSaveTextTests).GetMethods()
            .Where(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[] { typeof(string), typeof(string) }))
            .Where(m => m.Name != nameof(ExtensionSaveTextTests.Spellings_iptables_refuses))
            .Where(m => m.GetCustomAttributes<TestCaseAttribute>().Any(c => c.Arguments[0] is string s && (s.StartsWith("-A ", StringComparison.Ordinal) || s.StartsWith("--", StringComparison.Ordinal))))
            .Select(m => m.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.That(spellingTests, Is.EquivalentTo(Methods.Keys));
    }

    [TestCaseSource(nameof(Groups))]
    public void Iptables_prints_what_the_spelling_test_expects(string method, IptablesBackend backend)
    {
        RealIptables.Require();
        var (table, family) = Methods[method];
        var cases = Cases(method);
        Assert.That(cases, Is.Not.Empty);
        using var session = IptablesSession.Open(backend, family == IpFamily.V6);
        Prepare(session, method);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (input, expected) in cases)
        {
            if (CannotLoad.ContainsKey((input, backend))) continue;
            checkedCount++;
            var script = Script(table, input);
            var model = SaveParser.ParseRuleSet(script, "case", new SaveParseOptions { Family = family });
            var chain = input.Split(' ')[1];
            var rule = model.FindTable(table)!.FindChain(chain)!.Rules[0];
            var restore = session.Restore(script);
            if (backend == IptablesBackend.Nft && Iptables189Quirks.IsRejectedByNft(rule))
            {
                if (restore.ExitCode == 0) failures.Add(input + "\n    loaded, but iptables-nft-restore 1.8.9 rejects it (NftRejectsInvertedAnyAddress)");
                continue;
            }
            if (restore.ExitCode != 0)
            {
                failures.Add(input + "\n    restore failed: " + restore);
                continue;
            }
            var printed = session.Save(table).Split('\n').Where(l => l.StartsWith("-A ", StringComparison.Ordinal)).ToList();
            // Legacy: the recorded expectation, and our rendering with legacy's save quirk, must
            // both be what iptables prints. nft: our rendering of what nft stores.
            var loaded = Iptables189Quirks.Loaded(model, backend).FindTable(table)!;
            var ours = SaveRenderer.RenderTable(loaded, new SaveRenderOptions { OmitInvertedWildcardInterface = backend == IptablesBackend.Legacy })
                .Split('\n').Single(l => l.StartsWith("-A ", StringComparison.Ordinal));
            if (backend == IptablesBackend.Nft && NftPrints.TryGetValue(input, out var nft)) ours = nft;
            var wanted = backend == IptablesBackend.Legacy && !Iptables189Quirks.HasInvertedWildcardInterface(rule) ? new[] { expected, ours } : new[] { ours };
            foreach (var line in wanted.Distinct())
            {
                if (printed.Count != 1 || printed[0] != line) failures.Add(input + "\n    iptables: " + string.Join(" | ", printed) + "\n    expected: " + line);
            }
            if (NftPrints.ContainsKey(input) && backend == IptablesBackend.Nft) continue;
            // The same rule in the listing iptables -L -v -n prints, against our listing renderer.
            var listing = session.Run(table, "-L", "-v", "-n");
            var ourListing = OurRendering.Expected(Readback.ListVerbose, backend, Iptables189Quirks.Loaded(model, backend), table);
            if (backend == IptablesBackend.Legacy && input == WildcardInInterface)
            {
                // LegacyListsWildcardInterface: the kernel keeps "+", the listing shows it, save does not.
                ourListing = ourListing.Replace("ACCEPT     0    --  *      *", "ACCEPT     0    --  +      *", StringComparison.Ordinal);
            }
            if (listing != ourListing) failures.Add(input + "\n    -L -v -n differs:\n" + TextAssert.Describe(ourListing, listing));
            var rules = session.Run(table, "-S");
            var ourRules = OurRendering.Expected(Readback.Rules, backend, Iptables189Quirks.Loaded(model, backend), table);
            if (rules != ourRules) failures.Add(input + "\n    -S differs:\n" + TextAssert.Describe(ourRules, rules));
        }
        Assert.That(checkedCount, Is.GreaterThan(0));
        Assert.That(failures, Is.Empty, failures.Count + " of " + checkedCount + " spellings differ:\n" + string.Join("\n", failures));
    }

    /// <summary>The (input, expected) lines of one spelling test, whole rules.</summary>
    /// <summary>A restore script of one rule in <paramref name="table"/>, with the user chains X and Y the spelling cases jump to (as SaveText declares them).</summary>
    public static string Script(string table, string rule) => "*" + table + "\n:X - [0:0]\n:Y - [0:0]\n" + rule + "\nCOMMIT\n";

    public static List<(string Input, string Expected)> Cases(string method)
    {
        var info = typeof(ExtensionSaveTextTests).GetMethod(method)!;
        var list = new List<(string, string)>();
        foreach (var c in info.GetCustomAttributes<TestCaseAttribute>())
        {
            var input = (string)c.Arguments[0]!;
            var expected = (string)c.Arguments[1]!;
            // The conntrack address tests give the options only, inside one fixed rule.
            if (!input.StartsWith("-A ", StringComparison.Ordinal))
            {
                input = "-A INPUT -m conntrack " + input + " -j ACCEPT";
                expected = "-A INPUT -m conntrack " + expected + " -j ACCEPT";
            }
            list.Add((input, expected));
        }
        return list;
    }
}
