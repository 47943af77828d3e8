using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Tests.Properties;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// Random rules of every typed match and target (<see cref="RuleSetGenerator"/>, fixed seeds), each
/// restored alone into real iptables on both backends: the line iptables-save prints is our
/// rendering of what that backend stores, and <c>iptables -S</c> and <c>-L -v -n</c> print our
/// rules and listing for it. A rule the kernel refuses (a target its table or hook does not allow,
/// a set type that does not fit) is counted, not compared; most must load. The sets the rules name are
/// created first (ipset, installed by .ci/run).
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class RandomRulesInRealIptablesTests
{
    private const int Seeds = 8;

    [TestCase(IptablesBackend.Legacy)]
    [TestCase(IptablesBackend.Nft)]
    public void Random_rules_print_in_real_iptables_as_we_render_them(IptablesBackend backend)
    {
        RealIptables.Require();
        var loaded = 0;
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            using var session = IptablesSession.Open(backend, family == IpFamily.V6);
            for (var seed = 0; seed < Seeds; seed++)
            {
                var ruleSet = RuleSetGenerator.Generate(new Random(seed * 7919 + (family == IpFamily.V6 ? 1 : 0)), 8, raw: false, family);
                foreach (var table in ruleSet.Tables)
                {
                    var users = table.Chains.Where(c => !c.IsBuiltin).Select(c => c.Name).ToList();
                    foreach (var chain in table.Chains)
                    {
                        foreach (var rule in chain.Rules)
                        {
                            var one = new Table(table.Name, table.Chains.Select(c => c with { Rules = c.Name == chain.Name ? ValueList<Rule>.Empty.Add(rule with { Counters = null }) : ValueList<Rule>.Empty, Counters = c.IsBuiltin ? Counters.Zero : null }).ToValueList());
                            var model = new RuleSet(family, ValueList<Table>.Empty.Add(one));
                            var script = SaveRenderer.Render(model);
                            foreach (var set in rule.Matches.OfType<SetMatch>())
                            {
                                // Three dimensions cover every direction list the generator writes.
                                session.Namespace.Exec("ipset", "create", set.SetName, "hash:ip,port,ip", "family", family == IpFamily.V6 ? "inet6" : "inet", "-exist");
                            }
                            var restore = session.Restore(script);
                            if (restore.ExitCode != 0)
                            {
                                var reason = Reason(restore.StandardError);
                                refused[reason] = refused.TryGetValue(reason, out var n) ? n + 1 : 1;
                                continue;
                            }
                            loaded++;
                            var stored = Iptables189Quirks.Loaded(model, backend);
                            foreach (var readback in new[] { Readback.Save, Readback.Rules, Readback.ListVerbose })
                            {
                                var real = OurRendering.Comparable(readback, RealReadbacks.Read(session, new[] { table.Name }, readback)[(table.Name, readback)]);
                                var ours = OurRendering.Expected(readback, backend, stored, table.Name);
                                if (real != ours) failures.Add(readback + " of " + SaveRenderer.RenderRule(chain.Name, rule) + "\n" + TextAssert.Describe(ours, real));
                            }
                        }
                    }
                }
            }
        }
        TestContext.Out.WriteLine(loaded + " rules loaded; refused: " + string.Join("; ", refused.OrderByDescending(r => r.Value).Select(r => r.Value + "× " + r.Key)));
        Assert.That(loaded, Is.GreaterThan(200), "too few random rules loaded for the comparison to mean much");
        Assert.That(failures, Is.Empty, failures.Count + " differ:\n" + string.Join("\n", failures.Take(10)));
    }

    /// <summary>Why iptables refused a rule, in a few words (set names and line numbers folded).</summary>
    private static string Reason(string stderr)
    {
        var lines = stderr.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("Warning:", StringComparison.Ordinal) && !l.StartsWith("Try ", StringComparison.Ordinal)).ToList();
        if (lines.Count == 0) return "no message";
        var line = lines[0].EndsWith(':') && lines.Count > 1 ? lines[1] : lines[0];
        if (line.Contains("Set ", StringComparison.Ordinal) && line.Contains("doesn't exist", StringComparison.Ordinal)) return "a set that does not exist";
        if (System.Text.RegularExpressions.Regex.IsMatch(line, @"line \d+ failed")) return "the kernel refused the rule (line failed)";
        return System.Text.RegularExpressions.Regex.Replace(line.Substring(line.IndexOf(':') + 1).Trim(), @"rule in chain \S+", "rule in chain …");
    }
}
