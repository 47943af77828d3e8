using System;
using System.IO;
using NatDsl.Analysis.Diff;
using NatDsl.Cli.Generation;
using NatDsl.Dsl;
using NatDsl.Formats;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NUnit.Framework;

namespace NatDsl.Cli.Tests.Generation;

/// <summary>
/// <c>generate --since</c>: the delta from OLD to the generated script, checked on the model by
/// applying it with iptables-restore --noflush semantics (the save parser's NoFlush mode) on top
/// of OLD; OLD that is not a script of the same kind is refused.
/// </summary>
public class DeltaRestoreTests
{
    private static readonly SaveParseOptions NoFlush = new SaveParseOptions { NoFlush = true };

    private static void Cluster(ClusterBuilder cluster, bool next) => cluster
        .ClusterCidr("10.244.0.0/16")
        .Service("default/web", svc => svc
            .ClusterIP("10.96.0.10")
            .Port("http", 80, Protocol.Tcp)
            .Endpoints(8080, next ? new[] { "10.244.1.5", "10.244.2.7" } : new[] { "10.244.1.5", "10.244.2.6" }))
        .Service("default/db", svc => svc
            .ClusterIP("10.96.0.20")
            .Port("pg", 5432, Protocol.Tcp)
            .Endpoints(5432, "10.244.3.4"));

    private static string Script(bool next, bool selfContained = false) =>
        SaveRenderer.Render(KubeProxyCompiler.Compile(ClusterSpec.Build(c => Cluster(c, next)), new CompileOptions { SelfContained = selfContained }));

    private static RuleSet Apply(RuleSet old, string delta) => SaveParser.ParseRuleSet(SaveRenderer.Render(old) + delta, "old+delta", NoFlush);

    [TestCase(false)]
    [TestCase(true)]
    public void The_delta_applied_on_OLD_gives_the_new_rules(bool selfContained)
    {
        var old = SaveParser.ParseRuleSet(Script(next: false, selfContained), "old.rules");
        var script = Script(next: true, selfContained);

        var delta = DeltaRestore.Compute(old, "old.rules", script);

        // Counters aside: OLD rendered again declares the built-in chains with [0:0], the script does not declare them.
        var result = RuleSetDiff.Compare(SaveParser.ParseRuleSet(script, "new.rules"), Apply(old, delta), new DiffOptions { IgnoreCounters = true });
        Assert.That(result.AreEqual, Is.True, DiffReport.Render(result, SaveRenderer.RenderRule));
        Assert.That(delta, Does.Contain("--to-destination 10.244.2.7:8080").And.Contain("\n-X KUBE-SEP-"), "the new endpoint written, the old one's chain deleted");
        Assert.That(delta, Does.Not.Contain("10.244.3.4"), "the unchanged service is not rewritten");
        Assert.That(delta, Does.Not.Contain("*filter"), "filter did not change");
    }

    [Test]
    public void Nothing_changed_is_an_empty_delta()
    {
        var script = Script(next: false);
        Assert.That(DeltaRestore.Compute(SaveParser.ParseRuleSet(script, "old.rules"), "old.rules", script), Is.Empty);
    }

    [Test]
    public void A_whole_dump_as_OLD_of_a_noflush_script_is_refused()
    {
        var dump = SaveParser.ParseRuleSet(Script(next: false, selfContained: true), "node.rules");

        var e = Assert.Throws<UserInputException>(() => DeltaRestore.Compute(dump, "node.rules", Script(next: true)))!;

        Assert.That(e.Message, Does.StartWith("--since node.rules: it has rules in built-in chains (filter "));
        Assert.That(e.Message, Does.Contain("the delta would empty those chains"));
    }

    [Test]
    public void OLD_of_another_family_is_bad_input_without_the_parameter_name()
    {
        var old = SaveParser.ParseRuleSet("*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -d fd00::1/128 -j ACCEPT\nCOMMIT\n", "old6.rules");

        var e = Assert.Throws<UserInputException>(() => DeltaRestore.Compute(old, "old6.rules", Script(next: false)))!;

        Assert.That(e.Message, Does.StartWith("--since old6.rules: no delta to the generated rules: the rule sets are of different address families"));
        Assert.That(e.Message, Does.Not.Contain("Parameter"));
    }

    [Test]
    public void OLD_that_does_not_parse_is_a_located_error()
    {
        var path = Temp("*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -d 10.96.0.300/32 -j ACCEPT\nCOMMIT\n");
        try
        {
            var e = Assert.Throws<DumpParseException>(() => DeltaRestore.ReadOld(path))!;
            Assert.That((e.Line, e.Column), Is.EqualTo((3, 21)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void OLD_as_iptables_S_rules_is_refused_with_what_it_is()
    {
        var path = Temp("-P PREROUTING ACCEPT\n-N KUBE-SERVICES\n");
        try
        {
            var e = Assert.Throws<UserInputException>(() => DeltaRestore.ReadOld(path))!;
            Assert.That(e.Message, Does.Contain("expected iptables-save or iptables-restore text").And.Contain("found iptables -S rules of table"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "natdsl-delta-" + Guid.NewGuid().ToString("N") + ".rules");
        File.WriteAllText(path, text);
        return path;
    }
}
