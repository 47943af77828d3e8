using System;
using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Workloads;
using NUnit.Framework;

namespace NatDsl.Tests.Scale;

/// <summary>
/// RestoreScript.Delta checked on the model: the delta applied with --noflush semantics on top
/// of the old rules (by our save parser, which enforces iptables-restore's rules: a chain is
/// deleted only when empty and unreferenced) gives exactly the new rules.
/// </summary>
public class RestoreDeltaTests
{
    private static readonly SaveParseOptions NoFlush = new SaveParseOptions { NoFlush = true };

    private static RuleSet Apply(RuleSet old, string delta) => SaveParser.ParseRuleSet(SaveRenderer.Render(old) + delta, "old+delta", NoFlush);

    public enum Edit
    {
        ChangeEndpoint,
        AddService,
        RemoveService,
        Sync,
    }

    private static ClusterSpec Apply(ClusterSpec spec, Edit edit, int seed) => edit switch
    {
        Edit.ChangeEndpoint => WorkloadEdits.ChangeEndpoint(spec, seed),
        Edit.AddService => WorkloadEdits.AddService(spec, seed),
        Edit.RemoveService => WorkloadEdits.RemoveService(spec, seed),
        _ => WorkloadEdits.Sync(spec, seed),
    };

    [Test]
    public void Random_edits_of_S_applied_as_deltas_give_the_new_rules([Values] Edit edit, [Values(1, 2, 3)] int seed)
    {
        var old = ScaleWorkloads.S;
        var @new = Workload.Compile(Apply(old.Spec, edit, seed));
        var delta = RestoreScript.Delta(old.RuleSet, @new);
        Assert.That(Apply(old.RuleSet, delta), Is.EqualTo(@new));
        var lines = delta.Split('\n');
        Assert.That(lines.Length, Is.LessThan(old.SaveText.Split('\n').Length / 10), "a small edit gives a small delta");
    }

    [Test]
    public void A_moved_endpoint_touches_only_its_service_chain_and_endpoint_chains()
    {
        var old = ScaleWorkloads.S;
        var @new = Workload.Compile(WorkloadEdits.ChangeEndpoint(old.Spec, 5));
        var delta = RestoreScript.Delta(old.RuleSet, @new);
        var declared = delta.Split('\n').Where(l => l.StartsWith(":", StringComparison.Ordinal)).Select(l => l.Substring(1, l.IndexOf(' ') - 1)).ToList();
        Assert.That(declared, Has.None.EqualTo("KUBE-SERVICES"));
        Assert.That(declared.Count(n => n.StartsWith("KUBE-SEP-", StringComparison.Ordinal)), Is.EqualTo(2), "the new endpoint chain and the vanished one");
        Assert.That(declared.Count(n => n.StartsWith("KUBE-SVC-", StringComparison.Ordinal) || n.StartsWith("KUBE-SVL-", StringComparison.Ordinal)), Is.InRange(1, 3), "the service chains of the moved endpoint's ports");
        Assert.That(delta, Does.Contain("\n-X KUBE-SEP-"));
        Assert.That(delta, Does.Not.Contain("*filter"), "filter is unchanged");
    }

    [Test]
    public void Deletions_follow_every_rule_line_and_each_table_is_one_transaction()
    {
        var old = ScaleWorkloads.S;
        var delta = RestoreScript.Delta(old.RuleSet, Workload.Compile(WorkloadEdits.RemoveService(old.Spec, 9)));
        foreach (var section in delta.Split(new[] { "COMMIT\n" }, StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = section.Split('\n');
            Assert.That(lines[0], Does.StartWith("*"));
            var firstDelete = Array.FindIndex(lines, l => l.StartsWith("-X ", StringComparison.Ordinal));
            var lastRule = Array.FindLastIndex(lines, IsRuleLine);
            var lastChainLine = Array.FindLastIndex(lines, l => l.StartsWith(":", StringComparison.Ordinal));
            var firstRule = Array.FindIndex(lines, IsRuleLine);
            if (firstDelete >= 0) Assert.That(firstDelete, Is.GreaterThan(lastRule));
            if (firstRule >= 0) Assert.That(firstRule, Is.GreaterThan(lastChainLine), "chains are declared before any rule jumps to them");
        }
        Assert.That(delta, Does.Contain("-X KUBE-SVC-"));
    }

    private static bool IsRuleLine(string line) =>
        line.StartsWith("-A ", StringComparison.Ordinal) || line.StartsWith("-I ", StringComparison.Ordinal) || line.StartsWith("-D ", StringComparison.Ordinal);

    [Test]
    public void A_new_service_is_inserted_into_KUBE_SERVICES_and_a_removed_one_deleted_not_rewritten()
    {
        var old = ScaleWorkloads.S;
        var delta = RestoreScript.Delta(old.RuleSet, Workload.Compile(WorkloadEdits.Sync(old.Spec, 4)));
        var lines = delta.Split('\n');
        Assert.That(lines, Has.None.StartsWith(":KUBE-SERVICES "));
        Assert.That(lines, Has.None.StartsWith("-A KUBE-SERVICES "));
        Assert.That(lines.Count(l => l.StartsWith("-I KUBE-SERVICES ", StringComparison.Ordinal)), Is.InRange(1, 6), "one rule per new port");
        Assert.That(lines.Count(l => l.StartsWith("-D KUBE-SERVICES ", StringComparison.Ordinal)), Is.InRange(1, 6), "one rule per removed port");
        Assert.That(lines.Length, Is.LessThan(old.SaveText.Length / 1000), "hundreds of lines (the new service has up to 3 ports, 19 endpoints and a firewall), not tens of thousands");
    }

    [Test]
    public void Random_rule_edits_of_a_long_chain_give_the_new_chain([Range(1, 24)] int seed)
    {
        var random = new Random(seed);
        var rules = Enumerable.Range(1, 40 + random.Next(80)).Select(i => Rule(i)).ToList();
        var next = rules.ToList();
        var edits = random.Next(seed % 3 == 0 ? 60 : 12);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(3))
            {
                case 0 when next.Count > 0:
                    next.RemoveAt(random.Next(next.Count));
                    break;
                case 1:
                    next.Insert(random.Next(next.Count + 1), Rule(1000 + e));
                    break;
                default:
                    if (next.Count > 0) next[random.Next(next.Count)] = Rule(2000 + e);
                    break;
            }
        }
        var old = Chain(rules);
        var @new = Chain(next);
        var delta = RestoreScript.Delta(old, @new);
        Assert.That(Apply(old, delta), Is.EqualTo(@new), delta);
        var edited = delta.Split('\n').Count(l => l.StartsWith("-I ", StringComparison.Ordinal) || l.StartsWith("-D ", StringComparison.Ordinal));
        if (edited > 0) Assert.That(edited, Is.LessThanOrEqualTo(Math.Max(1, next.Count / 4)), "edits only when they are few");
        if (edits == 0) Assert.That(delta, Is.Empty);
    }

    private static string Rule(int i) => "-A C -s 10.0." + (i / 250).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + (i % 250).ToString(System.Globalization.CultureInfo.InvariantCulture) + "/32 -j RETURN";

    private static RuleSet Chain(System.Collections.Generic.IEnumerable<string> rules) =>
        SaveParser.ParseRuleSet("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:C - [0:0]\n-A INPUT -j C\n" + string.Concat(rules.Select(r => r + "\n")) + "COMMIT\n");

    [Test]
    public void No_change_gives_an_empty_script()
    {
        var old = ScaleWorkloads.S;
        Assert.That(RestoreScript.Delta(old.RuleSet, old.RuleSet), Is.Empty);
        Assert.That(RestoreScript.Delta(old.RuleSet, SaveParser.ParseRuleSet(old.SaveText)), Is.Empty, "an equal model parsed from text");
    }

    [Test]
    public void Counters_alone_are_no_change()
    {
        var old = SaveParser.ParseRuleSet("*filter\n:INPUT ACCEPT [0:0]\n:X - [0:0]\n-A INPUT -j X\n-A X -j ACCEPT\nCOMMIT\n");
        var counted = SaveParser.ParseRuleSet("*filter\n:INPUT ACCEPT [5:500]\n:X - [0:0]\n[3:300] -A INPUT -j X\n[2:200] -A X -j ACCEPT\nCOMMIT\n");
        Assert.That(RestoreScript.Delta(old, counted), Is.Empty);
    }

    [Test]
    public void Built_in_chains_are_flushed_and_rewritten_and_policies_declared()
    {
        var old = SaveParser.ParseRuleSet("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n-A INPUT -j A\n-A FORWARD -j B\n-A A -j B\n-A B -j ACCEPT\nCOMMIT\n");
        var @new = SaveParser.ParseRuleSet("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n:B - [0:0]\n:C - [0:0]\n-A INPUT -j C\n-A FORWARD -j B\n-A B -j ACCEPT\n-A C -j B\nCOMMIT\n");
        var delta = RestoreScript.Delta(old, @new);
        Assert.That(delta, Is.EqualTo(
            "*filter\n" +
            ":FORWARD DROP [0:0]\n" +
            ":C - [0:0]\n" +
            ":A - [0:0]\n" +
            "-F INPUT\n" +
            "-A INPUT -j C\n" +
            "-A C -j B\n" +
            "-X A\n" +
            "COMMIT\n"));
        Assert.That(Apply(old, delta), Is.EqualTo(@new));
    }

    [Test]
    public void A_table_only_in_the_new_rules_is_written_whole_and_one_only_in_the_old_is_emptied()
    {
        var filter = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";
        var nat = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:X - [0:0]\n-A PREROUTING -j X\n-A X -j RETURN\nCOMMIT\n";
        var old = SaveParser.ParseRuleSet(filter);
        var both = SaveParser.ParseRuleSet(filter + nat);
        var grow = RestoreScript.Delta(old, both);
        Assert.That(Apply(old, grow), Is.EqualTo(both));
        var shrink = RestoreScript.Delta(both, old);
        Assert.That(shrink, Is.EqualTo("*nat\n:X - [0:0]\n-F PREROUTING\n-X X\nCOMMIT\n"));
    }

    [Test]
    public void A_new_rule_set_that_jumps_to_a_missing_chain_is_refused()
    {
        var old = SaveParser.ParseRuleSet("*filter\n:INPUT ACCEPT [0:0]\n:X - [0:0]\n-A INPUT -j X\nCOMMIT\n");
        var broken = new RuleSet(IpFamily.V4, new[] { new Table("filter", old.Tables[0].Chains.Where(c => c.IsBuiltin).ToValueList()) }.ToValueList());
        var e = Assert.Throws<ArgumentException>(() => RestoreScript.Delta(old, broken));
        Assert.That(e!.Message, Does.Contain("jumps to X"));
    }
}
