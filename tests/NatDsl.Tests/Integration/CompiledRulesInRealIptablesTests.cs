using System;
using System.Collections.Generic;
using System.Linq;
using NatDsl.Formats.Save;
using NatDsl.KubeProxy;
using NatDsl.Model;
using NatDsl.Spec;
using NatDsl.Tests.KubeProxy;
using NUnit.Framework;

namespace NatDsl.Tests.Integration;

/// <summary>
/// The compiler against real iptables 1.8.9: each declaration of <see cref="CompiledSpecCatalogue"/>
/// is compiled (kube-proxy's --noflush content, and the self-contained node tables), rendered by
/// our <see cref="SaveRenderer"/>, loaded the way it is meant to be loaded, and read back; what
/// iptables prints must be our rendering of the same model.
/// </summary>
[Category("RealIptables")]
[NonParallelizable]
public class CompiledRulesInRealIptablesTests
{
    private static readonly string[] Tables = { "filter", "nat" };
    private static readonly Readback[] Readbacks = { Readback.Save, Readback.ListVerbose, Readback.Rules };

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var spec in CompiledSpecCatalogue.All)
        {
            foreach (var selfContained in new[] { false, true })
            {
                foreach (var backend in new[] { IptablesBackend.Legacy, IptablesBackend.Nft })
                {
                    yield return new TestCaseData(spec, selfContained, backend)
                        .SetName(spec.Name + (selfContained ? ".self-contained." : ".noflush.") + backend)
                        .SetDescription(spec.Covers);
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Real_iptables_holds_the_compiled_rules(CatalogueSpec spec, bool selfContained, IptablesBackend backend)
    {
        RealIptables.Require();
        var compiled = KubeProxyCompiler.CompileWithScope(ClusterSpec.Build(spec.Define), new CompileOptions { SelfContained = selfContained });
        var model = compiled.RuleSet;
        Assert.That(model.Tables.Select(t => t.Name), Is.EqualTo(Tables), "the compiler writes filter and nat");
        Assert.That(Iptables189Quirks.Affecting(model, backend), Is.Empty, "compiled rules meet no backend quirk");
        Assert.That(UnknownExtensionText.Names(model), Is.Empty, "compiled rules use typed extensions only");

        using var session = IptablesSession.Open(backend, model.Family == IpFamily.V6);
        var script = SaveRenderer.Render(model);
        RuleSet expected;
        if (selfContained)
        {
            session.RestoreOrThrow(script);
            expected = model;
        }
        else
        {
            expected = LoadNoFlush(session, model, script);
        }

        var outputs = RealReadbacks.Read(session, Tables, Readbacks);
        AssertOutputs(expected, backend, outputs, spec.Name);

        if (!selfContained)
        {
            // kube-proxy loads the same content again on every sync: --noflush replaces its chains, nothing accumulates.
            session.RestoreOrThrow(script, "--noflush");
            AssertOutputs(expected, backend, RealReadbacks.Read(session, Tables, Readbacks), spec.Name + " after a second --noflush load");
        }
    }

    [TestCase(IptablesBackend.Legacy)]
    [TestCase(IptablesBackend.Nft)]
    public void Nfacct_rules_need_accounting_objects_a_fresh_namespace_lacks(IptablesBackend backend)
    {
        RealIptables.Require();
        var model = KubeProxyCompiler.Compile(ClusterSpec.Build(KubeProxyTestClusters.Overall), new CompileOptions { SelfContained = true });
        Assert.That(model.Tables.SelectMany(t => t.Chains).SelectMany(c => c.Rules).SelectMany(r => r.Matches).OfType<NfacctMatch>(), Is.Not.Empty);
        using var session = IptablesSession.Open(backend);
        var result = session.Restore(SaveRenderer.Render(model));
        Assert.That(result.ExitCode, Is.Not.Zero, "the catalogue switches nfacct off for this reason");
        if (backend == IptablesBackend.Nft) Assert.That(result.StandardError, Does.Contain("(No such file or directory)"));
    }

    /// <summary>
    /// Loads kube-proxy's content with <c>iptables-restore --noflush</c> into a namespace whose
    /// built-in chains exist and are empty. Chains the content jumps to without declaring them
    /// (kubelet's, e.g. KUBE-MARK-DROP for V1_12) are created first, as kubelet would have.
    /// Returns what the tables then hold.
    /// </summary>
    private static RuleSet LoadNoFlush(IptablesSession session, RuleSet model, string script)
    {
        var prerequisites = model.Tables.Select(t => new Table(t.Name, IptablesChainOrder.MissingJumpTargets(t).Select(n => new Chain(n)).ToValueList())).ToList();
        if (prerequisites.Any(t => t.Chains.Count > 0)) session.RestoreOrThrow(SaveRenderer.Render(model with { Tables = prerequisites.ToValueList() }), "--noflush");
        session.RestoreOrThrow(script, "--noflush");
        return model with
        {
            Tables = model.Tables.Select(t => IptablesChainOrder.WithEmptyBuiltins(t.Name, t.Chains.Concat(prerequisites.Single(p => p.Name == t.Name).Chains))).ToValueList(),
        };
    }

    private static void AssertOutputs(RuleSet expected, IptablesBackend backend, IReadOnlyDictionary<(string Table, Readback Readback), string> outputs, string what)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var table in Tables)
            {
                foreach (var readback in Readbacks)
                {
                    TextAssert.AreEqual(OurRendering.Expected(readback, backend, expected, table), OurRendering.Comparable(readback, outputs[(table, readback)]), what + " " + table + " " + readback);
                }
            }
        }
    }
}
